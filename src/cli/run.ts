/** `cachesim run <scenario>` and `cachesim compare <scenario>…`. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadScenarioFile, type LoadedScenario } from '../scenario/load.ts';
import { runScenarioParallel } from '../model/run-scenario.ts';
import { loadScenarioTraces } from '../workload/trace-workload.ts';
import { selectVariants } from '../scenario/variants.ts';
import { writeReports } from '../report/index.ts';
import type { RunResult } from '../metrics/result.ts';
import { progressBar } from './progress.ts';
import { parseFormats, parsePositiveInt, parseSeed } from './shared.ts';

interface RunArgs {
  scenario: string;
  out?: string;
  seed?: number;
  replications?: number;
  jobs?: number;
  variants?: string;
  format?: string;
  baseline?: string;
  quiet?: boolean;
}

interface CompareArgs extends Omit<RunArgs, 'scenario'> {
  scenarios: string[];
}

const commonOptions = {
  out: { type: 'string', describe: 'output directory (default out/<scenario name>/)' },
  seed: { type: 'number', describe: 'override the scenario seed' },
  replications: { type: 'number', describe: 'runs per variant (seeds seed, seed+1, …); figures get 95% CIs' },
  jobs: { type: 'number', describe: 'runs in parallel on worker threads (default 1; results are identical)' },
  variants: { type: 'string', describe: 'run only these variants (comma-separated names)' },
  format: { type: 'string', describe: 'outputs to write: json,md,csv,html,svg,png (default all)' },
  baseline: { type: 'string', describe: 'variant to compare the others against' },
  quiet: { type: 'boolean', describe: 'no progress bar' },
} as const;

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'simulate a scenario and write its report',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .options(commonOptions)
      .example('$0 run scenarios/stampede.yaml', 'writes out/stampede/report.html, summary.json, CSVs, charts/')
      .example('$0 run scenarios/cache-aside.yaml --seed 7 --replications 5 --out /tmp/ca', 'five seeds, 95% intervals')
      .example('$0 run scenarios/stampede.yaml --variants none,mutex', 'only two of the variants'),
  handler: async (args) => {
    const loaded = loadScenarioFile(args.scenario);
    await execute([loaded], args, args.out ?? join('out', loaded.name));
  },
};

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'run several scenarios (or one with variants) into one comparison report',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files' })
      .options(commonOptions)
      .example('$0 compare scenarios/stampede.yaml --baseline none', 'variants side by side, with a vs-baseline column')
      .example('$0 compare a.yaml b.yaml', 'two scenarios in one report; variants are named <scenario>/<variant>'),
  handler: async (args) => {
    const loaded = args.scenarios.map((s) => loadScenarioFile(s));
    const out = args.out ?? join('out', loaded.length === 1 ? loaded[0].name : `compare-${loaded.map((l) => l.name).join('-')}`);
    await execute(loaded, args, out);
  },
};

async function execute(all: LoadedScenario[], args: Omit<RunArgs, 'scenario'>, outDir: string): Promise<void> {
  const formats = parseFormats(args.format);
  const only = args.variants?.split(',').map((v) => v.trim()).filter(Boolean);
  const loaded = only ? all.map((l) => ({ ...l, variants: selectVariants(l.variants, only, l.path) })) : all;
  const seed = parseSeed(args.seed);
  const replications = parsePositiveInt(args.replications, '--replications');
  const jobs = parsePositiveInt(args.jobs, '--jobs');
  const bar = progressBar(!args.quiet, loaded.map((l) => l.name).join('+'));
  const results: RunResult[] = [];
  try {
    for (const [k, l] of loaded.entries()) {
      const { result } = await runScenarioParallel(l, {
        traces: await loadScenarioTraces(l),
        seed,
        replications,
        jobs,
        onProgress: (f, e) => bar.update((k + f) / loaded.length, e),
      });
      results.push(result);
    }
  } finally {
    bar.stop();
  }
  const merged = results.length === 1 ? results[0] : mergeResults(results);
  const written = await writeReports(merged, outDir, { formats, baseline: args.baseline });
  const html = written.find((p) => p.endsWith('report.html'));
  const main = html ?? written.find((p) => p.endsWith('summary.json')) ?? written[0];
  if (!args.quiet) process.stderr.write(`wrote ${written.length} files to ${outDir}\n`);
  if (main) process.stdout.write(`${main}\n`);
}

/** Several scenarios in one report: variants are prefixed with their scenario's name. */
function mergeResults(results: RunResult[]): RunResult {
  const rename = <T extends { name: string }>(s: T, scenario: string): T => ({ ...s, name: `${scenario}/${s.name}` });
  const variants = results.flatMap((r) =>
    r.variants.map((v) => ({ ...v, summary: rename(v.summary, r.summary.scenario) })),
  );
  return {
    summary: {
      ...results[0].summary,
      scenario: results.map((r) => r.summary.scenario).join(' vs '),
      scenarioHash: results.map((r) => r.summary.scenarioHash).join('+'),
      variants: variants.map((v) => v.summary),
    },
    variants,
    scenarioSource: results.map((r) => `# ${r.scenarioPath}\n${r.scenarioSource}`).join('\n'),
    scenarioPath: results.map((r) => r.scenarioPath).join(', '),
  };
}
