// Writes the JSON Schemas of the letter's files into dist/schemas/, from the compiled
// dist/model/json-schemas.js, so that a letter repository's editor settings can point
// at the schemas of exactly the version it has installed (src/init/vscode-settings.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const { jsonSchema, SCHEMA_NAMES } = await import(path.join(dist, 'model/json-schemas.js'));
mkdirSync(path.join(dist, 'schemas'), { recursive: true });
for (const name of SCHEMA_NAMES) {
  writeFileSync(path.join(dist, 'schemas', `${name}.json`), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
}
