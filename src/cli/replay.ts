/**
 * `cachesim replay --trace FILE --policy LIST --capacity LIST`: a production trace
 * through one cache, every policy × capacity in one read. Thin: parse, call, print.
 */
import type { CommandModule } from 'yargs';
import { extname } from 'node:path';
import { inputError } from '../scenario/errors.ts';
import { parseCount, parseDuration } from '../scenario/units.ts';
import { isPolicyName, policyNames, type PolicyName } from '../policies/index.ts';
import { suggest, messages } from '../scenario/messages.ts';
import { formatRows, parseCapacityList, replayFormats, replayRows, type ReplayFormat, type ReplayRow } from '../replay/index.ts';
import { traceFormats } from '../workload/traces/index.ts';
import { writeFileAtomic } from '../util/atomic.ts';

const TIME_UNITS: Record<string, number> = { s: 1e6, ms: 1e3, us: 1 };

export function parsePolicies(list: string): PolicyName[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw inputError('', '--policy', `expected a list of policies (${policyNames.join(', ')})`);
  for (const n of names) {
    if (!isPolicyName(n)) throw inputError('', '--policy', messages.unknownName('policy', n, policyNames, suggest(n, policyNames)));
  }
  return names as PolicyName[];
}

/** `--warmup 100000` (requests) or `--warmup 60s` (seconds of trace time; any duration unit). */
export function parseWarmup(text: string | undefined): { requests?: number; us?: number } | undefined {
  if (text === undefined) return undefined;
  if (/^\s*[0-9.e+]+\s*[kmg]?\s*$/i.test(text)) {
    const n = parseCount(text);
    if (n !== undefined) return { requests: n };
  }
  const us = parseDuration(text);
  if (us !== undefined) return { us };
  throw inputError('', '--warmup', `expected a number of requests (100000, 100k) or a duration of trace time (60s, 5min), found "${text}"`);
}

function parseSample(v: number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!(v > 0 && v <= 1)) throw inputError('', '--sample', `expected a sampling rate in (0, 1], e.g. 0.01, found ${v}`);
  return v;
}

function parsePoints(v: string | undefined): number | 'all' | undefined {
  if (v === undefined || v === 'all') return v;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw inputError('', '--points', `expected a whole number ≥ 1 or all, found "${v}"`);
  return n;
}

async function writeChart(path: string, rows: ReplayRow[]): Promise<void> {
  const { missRatioCurveChart } = await import('../report/charts/miss-ratio-curve.ts');
  const { renderChart } = await import('../report/render.ts');
  const spec = missRatioCurveChart(rows);
  if (spec === undefined) return;
  const { svg, png } = await renderChart(spec);
  writeFileAtomic(path, extname(path).toLowerCase() === '.png' ? png : svg);
}

interface ReplayArgs {
  trace: string;
  policy: string;
  capacity: string;
  'ignore-size': boolean;
  'ignore-ops': boolean;
  format: string;
  out?: string;
  chart?: string;
  'trace-format': string;
  'trace-params'?: string;
  'time-unit': string;
  warmup?: string;
  'skip-bad-rows': boolean;
  sample?: number;
  points?: string;
  seed: number;
  limit?: string;
}

export const replayCommand: CommandModule<object, ReplayArgs> = {
  command: 'replay',
  describe: 'replay a trace through one cache: miss ratios per policy × capacity',
  builder: (y) =>
    y
      .option('trace', { type: 'string', demandOption: true, describe: 'trace file (.gz read transparently)' })
      .option('policy', { type: 'string', default: 'lru', describe: `comma-separated: ${policyNames.join(', ')}` })
      .option('capacity', { type: 'string', demandOption: true, describe: 'comma-separated: objects (1000, 100k), bytes (64MB), % of distinct objects/bytes (10%), or auto (whole LRU curve)' })
      .option('ignore-size', { type: 'boolean', default: false, describe: 'every object has size 1 (capacities in objects)' })
      .option('ignore-ops', { type: 'boolean', default: false, describe: 'treat every row as a read (libCacheSim default)' })
      .option('format', { type: 'string', default: 'table', choices: [...replayFormats], describe: 'output format' })
      .option('out', { type: 'string', describe: 'write the output to this file (atomically) instead of stdout' })
      .option('chart', { type: 'string', describe: 'also draw the miss-ratio curve to this .svg or .png' })
      .option('trace-format', { type: 'string', default: 'csv', choices: Object.keys(traceFormats), describe: 'trace format' })
      .option('trace-params', { type: 'string', describe: 'libcachesim-csv columns, e.g. "time-col=1,obj-id-col=2,obj-size-col=3,has-header=true"' })
      .option('time-unit', { type: 'string', default: 's', choices: Object.keys(TIME_UNITS), describe: "unit of the trace's time column" })
      .option('warmup', { type: 'string', describe: 'exclude the first N requests (100000) or the first duration of trace time (60s)' })
      .option('skip-bad-rows', { type: 'boolean', default: false, describe: 'count and skip malformed rows instead of failing' })
      .option('sample', { type: 'number', describe: 'with --capacity auto: SHARDS sampling rate in (0, 1]' })
      .option('points', { type: 'string', describe: 'with --capacity auto: capacities to report (default 100, or all)' })
      .option('limit', { type: 'string', describe: 'replay only the first N requests of the trace (1000, 100k)' })
      .option('seed', { type: 'number', default: 1, describe: 'seed for randomized policies' })
      .example('$0 replay --trace ../shared/traces/OLTP.csv.gz --policy lru,arc --capacity 1000,15000', 'hit ratios as in the ARC paper')
      .example('$0 replay --trace t.csv --policy lru,sieve,s3fifo --capacity 1%,10% --format json', 'rows for a report')
      .example('$0 replay --trace t.csv.gz --capacity auto --sample 0.01', 'the LRU miss-ratio curve, SHARDS-sampled'),
  handler: async (args) => {
    const seed = args.seed;
    if (!Number.isInteger(seed) || seed < 0) throw inputError('', '--seed', `expected a whole number ≥ 0, found ${seed}`);
    const started = performance.now();
    const { rows, trace } = await replayRows({
      trace: args.trace,
      format: args['trace-format'],
      params: args['trace-params'],
      policies: parsePolicies(args.policy),
      capacities: parseCapacityList(args.capacity),
      ignoreSize: args['ignore-size'],
      ignoreOps: args['ignore-ops'],
      warmup: parseWarmup(args.warmup),
      skipBadRows: args['skip-bad-rows'],
      timeScale: TIME_UNITS[args['time-unit']],
      sampleRate: parseSample(args.sample),
      points: parsePoints(args.points),
      limit: parseLimit(args.limit),
      seed,
    });
    const text = formatRows(rows, args.format as ReplayFormat);
    if (args.out) writeFileAtomic(args.out, text);
    else process.stdout.write(text);
    if (args.chart) await writeChart(args.chart, rows);
    const seconds = (performance.now() - started) / 1000;
    const skipped = trace.skippedRows > 0 ? `; skipped ${trace.skippedRows} malformed rows (${trace.skippedExamples.join('; ')})` : '';
    process.stderr.write(`${args.trace}: ${trace.requests} requests, ${trace.distinctKeys} objects, ${seconds.toFixed(1)} s${skipped}\n`);
  },
};

function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseCount(text);
  if (n === undefined || n < 1) throw inputError('', '--limit', `expected a number of requests ≥ 1 like 1000 or 100k, found "${text}"`);
  return n;
}
