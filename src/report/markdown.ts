/**
 * summary.md: the headline table (and the "vs baseline" table), then the charts as
 * image links, ready to paste into a review document or a pull request.
 */
import type { Summary } from '../metrics/result.ts';
import { baselineTable, headlineTable, type Table } from './headline.ts';
import { imageExtension, linkedFiles } from './files.ts';
import type { BuiltChart, Reporter, ReportContext } from './types.ts';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const align = t.header.map((_, i) => (i === 0 ? ':---' : '---:'));
  return [line(t.header), line(align), ...t.rows.map(line), '', ...t.notes.map((n) => `_${n}_`)].join('\n');
}

function metaLine(s: Summary): string {
  const reps = [...new Set(s.variants.map((v) => v.replications))].join('/');
  return `seed ${s.seed} · horizon ${s.horizonSeconds} s · ${reps} replication(s) per variant · scenario hash \`${s.scenarioHash}\` · cachesim ${s.toolVersion}`;
}

export function renderMarkdown(ctx: ReportContext, charts: BuiltChart[]): string {
  const s = ctx.result.summary;
  const out: string[] = [`# ${s.scenario} — cachesim report`, ''];
  if (s.description) out.push(s.description, '');
  out.push(metaLine(s), '', '## Headline', '', markdownTable(headlineTable(s.variants)), '');
  if (ctx.baseline) {
    out.push(`## Compared with baseline \`${ctx.baseline.name}\``, '', markdownTable(baselineTable(s.variants, ctx.baseline)), '');
  }
  const ext = imageExtension(ctx.formats);
  if (ext && charts.length > 0) {
    out.push('## Charts', '');
    for (const c of charts) out.push(`### ${c.title}`, '', c.caption, '', `![${c.title}](charts/${c.name}.${ext})`, '');
  }
  const files = linkedFiles(ctx.formats).filter((f) => f.path !== 'summary.md');
  if (ctx.formats.has('html')) files.unshift({ path: 'report.html', what: 'the full report, self-contained' });
  if (files.length > 0) {
    out.push('## Files', '', ...files.map((f) => `- [${f.path}](${f.path}): ${f.what}`), '');
  }
  return out.join('\n');
}

export const markdownReporter: Reporter = async (ctx) => {
  const charts = imageExtension(ctx.formats) ? await ctx.charts() : [];
  return [ctx.write('summary.md', renderMarkdown(ctx, charts))];
};
