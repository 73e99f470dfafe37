/**
 * charts/<name>.vl.json next to each rendering: the spec with its data inlined, so a
 * reviewer can open it in the Vega editor and restyle it. Both the svg and the png
 * reporter write it (the context writes a path once per report).
 */
import { svgToPng } from './render.ts';
import type { BuiltChart, Reporter, ReportContext } from './types.ts';

function writeSpec(ctx: ReportContext, c: BuiltChart): string {
  return ctx.write(`charts/${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
}

export const svgReporter: Reporter = async (ctx) =>
  (await ctx.charts()).flatMap((c) => [writeSpec(ctx, c), ctx.write(`charts/${c.name}.svg`, c.svg)]);

export const pngReporter: Reporter = async (ctx) =>
  (await ctx.charts()).flatMap((c) => [writeSpec(ctx, c), ctx.write(`charts/${c.name}.png`, svgToPng(c.svg))]);
