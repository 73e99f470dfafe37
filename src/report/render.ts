/**
 * Headless rendering: Vega-Lite spec → Vega → SVG (vega's `renderer: 'none'` View,
 * no canvas needed) → PNG (resvg with DejaVu fonts, never the system font list, so
 * the same input gives the same bytes on every machine).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
export const FONT_FILES = [`${FONT_DIR}/DejaVuSans.ttf`, `${FONT_DIR}/DejaVuSans-Bold.ttf`];

/** PNGs are drawn at twice the SVG's size so they stay sharp in documents and on HiDPI screens. */
export const PNG_SCALE = 2;

export interface RenderedSvg {
  svg: string;
  /** Warnings and errors vega-lite and vega logged while compiling and rendering. */
  warnings: string[];
}

/** A vega logger that records warnings instead of printing them to the console. */
function collectingLogger(into: string[]): vega.LoggerInterface {
  return vega.logger(vega.Warn, undefined, (_method, level, args) => {
    into.push(`${level} ${args.map(String).join(' ')}`);
  });
}

export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      sansSerifFamily: 'DejaVu Sans',
      defaultFontFamily: 'DejaVu Sans',
    },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
  });
  return resvg.render().asPng();
}

/** Both renderings of one spec, for callers outside a report (e.g. `cachesim replay`). */
export async function renderChart(spec: TopLevelSpec): Promise<{ svg: string; png: Uint8Array; warnings: string[] }> {
  const { svg, warnings } = await renderSvg(spec);
  return { svg, png: svgToPng(svg), warnings };
}
