/**
 * Prepares a vega SVG for inlining into report.html. Several SVGs in one document
 * share one id namespace, so every id (and each `url(#…)` / `href="#…"` pointing to
 * it) gets a per-chart prefix; clip paths and gradients would otherwise resolve to
 * another chart's. The xmlns declarations go too: the HTML parser does not need them,
 * and the report then holds no URL at all.
 */
import { escapeHtml } from './escape.ts';

export function inlineSvg(svg: string, prefix: string, label: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/((?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`)
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}
