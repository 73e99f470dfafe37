/**
 * charts/<name>.vl.json next to each rendering: the spec with its data inlined, so a
 * reviewer can open it in the Vega editor and restyle it. Both the svg and the png
 * reporter write it (the context writes a path once per report).
 */
import { svgToPng } from './render.ts';
import type { BuiltChart, Reporter, ReportContext } from './types.ts';

/**
 * The spec pretty-printed, but each inline data row on one line: a time series has
 * thousands of rows, and one field per line would make the file ten times longer.
 */
export function stringifySpec(spec: unknown): string {
  const rows: unknown[][] = [];
  const marked = JSON.stringify(spec, (key, value: unknown) => {
    if (key === 'values' && Array.isArray(value)) {
      rows.push(value);
      return `\u0000rows${rows.length - 1}`;
    }
    return value;
  }, 2);
  return marked.replace(/( *)"values": "\\u0000rows(\d+)"/g, (_, indent: string, i: string) => {
    const list = rows[Number(i)].map((r) => `${indent}  ${JSON.stringify(r)}`).join(',\n');
    return list.length === 0 ? `${indent}"values": []` : `${indent}"values": [\n${list}\n${indent}]`;
  });
}

function writeSpec(ctx: ReportContext, c: BuiltChart): string {
  return ctx.write(`charts/${c.name}.vl.json`, `${stringifySpec(c.spec)}\n`);
}

export const svgReporter: Reporter = async (ctx) =>
  (await ctx.charts()).flatMap((c) => [writeSpec(ctx, c), ctx.write(`charts/${c.name}.svg`, c.svg)]);

export const pngReporter: Reporter = async (ctx) =>
  (await ctx.charts()).flatMap((c) => [writeSpec(ctx, c), ctx.write(`charts/${c.name}.png`, svgToPng(c.svg))]);
