import { PACKAGE_NAME } from './tool-spec.js';

/** The data files each shipped JSON Schema describes, by file name in the project. */
const SCHEMA_FILES: Record<string, string[]> = {
  config: ['voortgangsbrief.config.yaml'],
  moties: ['data/moties.yaml', 'data/moties.yml', 'data/moties.json'],
  toezeggingen: ['data/toezeggingen.yaml', 'data/toezeggingen.yml', 'data/toezeggingen.json'],
  bronnen: ['data/bronnen.yaml', 'data/bronnen.yml', 'data/bronnen.json'],
  reeksen: ['data/reeksen.yaml', 'data/reeksen.yml', 'data/reeksen.json'],
};

/**
 * VS Code settings that point the YAML extension and VS Code's own JSON support at the
 * schemas in the installed tool, so they always match the version the build uses.
 */
export function vscodeSettings(): string {
  const schema = (name: string) => `./node_modules/${PACKAGE_NAME}/dist/schemas/${name}.json`;
  const entries = Object.entries(SCHEMA_FILES);
  const settings = {
    'yaml.schemas': Object.fromEntries(entries.map(([name, files]) => [schema(name), files.filter((f) => !f.endsWith('.json'))])),
    'json.schemas': entries.flatMap(([name, files]) => {
      const json = files.filter((f) => f.endsWith('.json'));
      return json.length ? [{ fileMatch: json.map((f) => `**/${f}`), url: schema(name) }] : [];
    }),
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}
