/**
 * Phase 1, load: read a YAML or JSON scenario file, validate it against the one
 * schema, and report every problem with file, dotted path, line and expectation.
 * Variants are expanded here too, since each variant is a full scenario input
 * that must validate on its own.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { distKinds, scenarioSchema, type ParsedScenario } from './schema.ts';
import { InputError, type InputProblem } from './errors.ts';
import { messages, quote, suggest } from './messages.ts';
import { keysAt } from './zod-walk.ts';
import { expandVariants, type VariantInput } from './variants.ts';

export interface LoadedScenario {
  path: string;
  source: string;
  name: string;
  /** The base scenario (variants' overrides not applied). */
  base: ParsedScenario;
  /** One entry per variant, each a validated scenario. A scenario without variants has one, named "baseline". */
  variants: Array<{ name: string; params: Record<string, unknown>; scenario: ParsedScenario }>;
}

export function loadScenarioFile(path: string): LoadedScenario {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError({ file: path, place: '', message: messages.notReadable((e as NodeJS.ErrnoException).code ?? String(e)) });
  }
  return loadScenarioText(source, path);
}

export function loadScenarioText(source: string, path: string): LoadedScenario {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const isJson = extname(path).toLowerCase() === '.json';
    throw new InputError(
      doc.errors.map((e) => ({
        file: path,
        place: `line ${lines.linePos(e.pos[0]).line}`,
        message: (isJson ? messages.jsonSyntax : messages.yamlSyntax)(e.message.split('\n')[0]),
      })),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError({ file: path, place: '', message: messages.notAnObject() });
  }
  const lineOf = (p: ReadonlyArray<string | number>): number | undefined => {
    const node = doc.getIn(p, true) as Node | undefined;
    const range = node && (node as { range?: [number, number, number] }).range;
    return range ? lines.linePos(range[0]).line : undefined;
  };

  const base = validate(raw, path, lineOf, '');
  const name = base.name ?? basename(path).replace(/\.(ya?ml|json)$/i, '');
  const expanded: VariantInput[] = expandVariants(raw as Record<string, unknown>, path, lineOf);
  const problems: InputProblem[] = [];
  const variants = expanded.map((v) => {
    try {
      return { name: v.name, params: v.params, scenario: validate(v.input, path, lineOf, v.name) };
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return {
    path,
    source,
    name,
    base,
    variants: variants.filter((v): v is NonNullable<typeof v> => v !== undefined),
  };
}

function validate(
  input: unknown,
  file: string,
  lineOf: (p: ReadonlyArray<string | number>) => number | undefined,
  variant: string,
): ParsedScenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return Object.freeze(result.data) as ParsedScenario;
  const problems = result.error.issues.flatMap((issue) => describe(issue, input, []));
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  for (const p of problems) {
    // A missing key has no node of its own: point at the mapping that should hold it.
    const line = lineOf(p.path) ?? lineOf(p.path.slice(0, -1));
    const suffix = [variant ? `in variant ${quote(variant)}` : '', line ? `line ${line}` : ''].filter(Boolean).join(', ');
    const problem = { file, place: formatPath(p.path), message: p.message + (suffix ? ` (${suffix})` : '') };
    const key = `${problem.place}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  throw new InputError(out);
}

interface Described {
  path: Array<string | number>;
  message: string;
}

function describe(issue: z.core.$ZodIssue, input: unknown, prefix: Array<string | number>): Described[] {
  const path = [...prefix, ...(issue.path as Array<string | number>)];
  const got = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(scenarioSchema, path.map((s) => (typeof s === 'number' ? 0 : s)));
      return issue.keys.map((k) => ({ path: [...path, k], message: messages.unknownKey(k, suggest(k, known)) }));
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const d = issue.discriminator as string;
        const at = path[path.length - 1] === d ? path : [...path, d];
        return [{ path: at, message: messages.expectedOneOf(distKinds, valueAt(input, at)) }];
      }
      if (got === undefined || issue.errors.every((errs) => errs.every((e) => e.code === 'invalid_type')))
        return [{ path, message: issue.message }];
      // Report the branch that got furthest: a string is judged by the unit branch, an object by the object branch.
      const branches = issue.errors.map((errs) => errs.flatMap((e) => describe(e, input, path)));
      const relevant = branches.filter((b) => b.length > 0);
      const prefersObject = got !== null && typeof got === 'object';
      const pick =
        relevant.find((b) => (prefersObject ? b.some((d) => d.path.length > path.length) : b.every((d) => d.path.length === path.length))) ??
        relevant[0];
      return pick ?? [{ path, message: issue.message }];
    }
    case 'invalid_value':
      return [{ path, message: messages.expectedOneOf(issue.values.map(String), got) }];
    case 'invalid_type':
      if (got === undefined) return [{ path, message: messages.required(article(issue.expected)) }];
      return [{ path, message: `expected ${article(issue.expected)}, got ${quote(got)}` }];
    case 'too_small':
      return [{ path, message: `expected ${issue.origin === 'array' ? `at least ${issue.minimum} entries` : `a value ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`}, got ${quote(got)}` }];
    case 'too_big':
      return [{ path, message: `expected a value ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${quote(got)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s.length === 0 ? seg : `.${seg}`;
  return s;
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
