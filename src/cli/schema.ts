/** `cachesim schema`: the scenario JSON Schema, for editors' autocompletion. */
import type { CommandModule } from 'yargs';
import { scenarioJsonSchemaText } from '../scenario/json-schema.ts';

export const schemaCommand: CommandModule<object, object> = {
  command: 'schema',
  describe: 'print the scenario JSON Schema (also committed as scenario.schema.json)',
  builder: (y) => y.example('$0 schema > scenario.schema.json', 'refresh the committed schema'),
  handler: () => {
    process.stdout.write(scenarioJsonSchemaText());
  },
};
