/**
 * Variants: named sets of overrides of scenario settings, compared side by side.
 * Two spellings:
 *   variants:                                  variants:
 *     - name: mutex                              strategy.stampede: [none, mutex]
 *       set: { strategy.stampede: mutex }        keyspaces.users.ttl: [5m, 1h]   # grid: every combination
 * Paths are dotted; a list element is named by its index or by its `name`.
 */
import { InputError, type InputProblem } from './errors.ts';
import { messages, suggest } from './messages.ts';
import { keysAt, schemasAt } from './zod-walk.ts';
import { scenarioSchema } from './schema.ts';

export interface VariantInput {
  name: string;
  params: Record<string, unknown>;
  input: Record<string, unknown>;
}

export function expandVariants(
  raw: Record<string, unknown>,
  file: string,
  lineOf: (p: ReadonlyArray<string | number>) => number | undefined,
): VariantInput[] {
  const { variants, ...rest } = raw;
  if (variants === undefined) return [{ name: 'baseline', params: {}, input: rest }];
  const named = Array.isArray(variants) ? listVariants(variants) : gridVariants(variants as Record<string, unknown[]>);
  const problems: InputProblem[] = [];
  const out = named.map((v, i) => {
    const input = structuredClone(rest);
    for (const [path, value] of Object.entries(v.params)) {
      const where = Array.isArray(variants) ? ['variants', i, 'set', path] : ['variants', path];
      const problem = setPath(input, path, value);
      if (problem) {
        const line = lineOf(where.slice(0, -1));
        problems.push({ file, place: where.slice(0, -1).map(String).join('.').replace(/\.(\d+)\./, '[$1].'), message: problem + (line ? ` (line ${line})` : '') });
      }
    }
    return { name: v.name, params: v.params, input };
  });
  if (problems.length > 0) {
    const unique = new Map(problems.map((p) => [`${p.place}\u0000${p.message}`, p]));
    throw new InputError([...unique.values()]);
  }
  return out;
}

function listVariants(list: unknown[]): Array<{ name: string; params: Record<string, unknown> }> {
  return list.map((v) => {
    const { name, set } = (v ?? {}) as { name?: unknown; set?: unknown };
    return { name: String(name), params: (set ?? {}) as Record<string, unknown> };
  });
}

/** Every combination of the listed values, in the order written (first path varies slowest). */
function gridVariants(grid: Record<string, unknown[]>): Array<{ name: string; params: Record<string, unknown> }> {
  let combos: Array<Record<string, unknown>> = [{}];
  for (const [path, values] of Object.entries(grid)) {
    if (!Array.isArray(values)) continue;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [path]: v })));
  }
  const single = Object.keys(grid).length === 1;
  return combos.map((params) => ({
    name: Object.entries(params)
      .map(([p, v]) => (single ? String(v) : `${p.split('.').pop()}=${String(v)}`))
      .join(','),
    params,
  }));
}

/** Sets `path` in `input`; returns a message when the path is not a scenario setting. */
function setPath(input: Record<string, unknown>, path: string, value: unknown): string | undefined {
  const segs = path.split('.');
  const schemaPath: Array<string | number> = [];
  let node: unknown = input;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : node.findIndex((e) => (e as { name?: unknown })?.name === seg);
      if (index < 0 || index >= node.length) return messages.variantPath(path);
      schemaPath.push(0);
      if (last) node[index] = value;
      else node = node[index];
      continue;
    }
    if (schemasAt(scenarioSchema, [...schemaPath, seg]).length === 0) {
      const hint = suggest(seg, keysAt(scenarioSchema, schemaPath));
      return messages.variantPath(path) + (hint ? ` (did you mean ${JSON.stringify(hint)}?)` : '');
    }
    schemaPath.push(seg);
    const obj = node as Record<string, unknown>;
    if (last) obj[seg] = value;
    else {
      if (obj[seg] === undefined || obj[seg] === null) obj[seg] = {};
      node = obj[seg];
    }
  }
  return undefined;
}

/** Keeps only the named variants (`--variants a,b`), in the scenario's order; an unknown name is an input error. */
export function selectVariants<T extends { name: string }>(variants: readonly T[], names: readonly string[], file: string): T[] {
  const known = variants.map((v) => v.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new InputError(
      unknown.map((n) => ({ file, place: '--variants', message: messages.unknownName('variant', n, known, suggest(n, known)) })),
    );
  return variants.filter((v) => names.includes(v.name));
}
