/** Runs one named benchmark case in this process and prints its figures as one JSON line. */
import { loadCases } from './registry.ts';

const name = process.argv[2];
const found = (await loadCases()).find((c) => c.name === name);
if (!found) {
  console.error(`unknown benchmark case "${name}"`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await found.run())}\n`);
