/**
 * Reads the shape of the zod schema at a path, for error messages: which keys an
 * object at that path accepts (to suggest a fix for a misspelt key) and whether a
 * dotted path names a real setting (for variants).
 */
import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  out?: AnySchema;
  valueType?: AnySchema;
}

function def(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** All object schemas a value at `schema` may be checked against (through wrappers and unions). */
function objectsOf(schema: AnySchema): AnySchema[] {
  const d = def(schema);
  switch (d.type) {
    case 'object':
      return [schema];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
      return objectsOf(d.innerType as AnySchema);
    case 'pipe':
      return objectsOf(d.in as AnySchema);
    case 'union':
      return (d.options ?? []).flatMap(objectsOf);
    default:
      return [];
  }
}

function childrenAt(schema: AnySchema, segment: string | number): AnySchema[] {
  const out: AnySchema[] = [];
  const visit = (s: AnySchema): void => {
    const d = def(s);
    if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(d.type)) return visit(d.innerType as AnySchema);
    if (d.type === 'pipe') return visit(d.in as AnySchema);
    if (d.type === 'union') return (d.options ?? []).forEach(visit);
    if (d.type === 'array' && d.element) out.push(d.element);
    if (d.type === 'record' && d.valueType) out.push(d.valueType);
    if (d.type === 'object' && typeof segment === 'string' && d.shape && segment in d.shape) out.push(d.shape[segment]);
  };
  visit(schema);
  return out;
}

/** Schemas reachable at `path` (array segments may be indices or element names). */
export function schemasAt(root: AnySchema, path: ReadonlyArray<string | number>): AnySchema[] {
  let current = [root];
  for (const seg of path) current = current.flatMap((s) => childrenAt(s, seg));
  return current;
}

/** Keys accepted by the object(s) at `path`. */
export function keysAt(root: AnySchema, path: ReadonlyArray<string | number>): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(root, path))
    for (const o of objectsOf(s)) for (const k of Object.keys(def(o).shape ?? {})) keys.add(k);
  return [...keys].sort();
}
