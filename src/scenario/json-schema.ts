/**
 * The published JSON Schema of scenario files, generated from the one zod schema
 * (input side: what users write, units as strings). Committed as
 * `scenario.schema.json`; a test keeps the file current.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://cachesim.dev/scenario.schema.json',
    title: 'cachesim scenario',
    description: 'A cachesim scenario: workload, cache hierarchy, strategies, variants.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
