import { readFileSync } from 'node:fs';

/** The package version, shown in reports so a result can be traced to the tool that made it. */
export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
