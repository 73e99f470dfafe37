/**
 * The report's only stylesheet, inlined. System fonts, a readable measure on a laptop,
 * charts scale down to the column; print drops the chrome, keeps each chart on one page.
 */
export const STYLES = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --band: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.description { font-size: 1.05rem; margin: 4px 0 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; color: var(--muted); font-size: 0.9rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { background: var(--band); font-weight: 600; }
thead th { white-space: normal; vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; }
tbody tr:hover { background: var(--band); }
.note { color: var(--muted); font-size: 0.85rem; margin: 6px 0; }
figure { margin: 24px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 6px; max-width: 80ch; }
figcaption strong { color: var(--ink); }
ul.files { padding-left: 20px; }
a { color: var(--accent); }
details { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
summary { cursor: pointer; font-weight: 600; }
pre { overflow-x: auto; font: 0.85rem/1.45 ui-monospace, "DejaVu Sans Mono", monospace; background: var(--band); padding: 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  tbody tr:hover { background: none; }
  a { color: inherit; text-decoration: none; }
  details { border: none; padding: 0; }
  pre { white-space: pre-wrap; }
}
`;
