/**
 * Zod field types for values with units. Each accepts a string with a unit (or a
 * bare number in the base unit) and yields the number in the base unit, or
 * reports an issue that says which form was expected and what it got.
 */
import { z } from 'zod';
import { parseCount, parseDuration, parsePercent, parseRate, parseSize } from './units.ts';
import { messages, quote } from './messages.ts';

function unitField(parse: (v: unknown) => number | undefined, expected: string, pattern: string) {
  return z
    .union([z.string(), z.number()], {
      error: (iss) => (iss.input === undefined ? messages.required(expected) : `expected ${expected}, got ${quote(iss.input)}`),
    })
    .meta({ description: `${expected}`, examples: [pattern] })
    .transform((v, ctx) => {
      const n = parse(v);
      if (n === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${quote(v)}` });
        return z.NEVER;
      }
      return n;
    });
}

/** Microseconds. */
export const duration = () => unitField(parseDuration, 'a duration like 50ms, 30s or 1h', '50ms');
/** Bytes. */
export const size = () => unitField(parseSize, 'a size like 512B, 2GB or 512MiB', '2GB');
/** Per second. */
export const rate = () => unitField(parseRate, 'a rate like 5k/s or 300/min', '5k/s');
/** Whole count. */
export const count = () => unitField(parseCount, 'a count like 1000 or 100k', '100k');
/** Fraction in [0,1]. */
export const percent = () => unitField(parsePercent, 'a percentage like 10% (or a fraction from 0 to 1)', '10%');

export const positiveInt = () => z.number().int().positive();
