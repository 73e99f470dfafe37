import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenario/json-schema.ts';

describe('scenario.schema.json', () => {
  it('committedSchema_isCurrent (regenerate with: node bin/cachesim.js schema > scenario.schema.json)', () => {
    expect(readFileSync(new URL('../../scenario.schema.json', import.meta.url), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('schema_describesUnitsAndRejectsUnknownKeys', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['horizon', 'keyspaces', 'hierarchy']));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema.properties.horizon)).toContain('a duration like 50ms');
  });
});
