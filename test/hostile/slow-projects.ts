import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

/**
 * A letter whose render is long but whose check is short: every paragraph on a page
 * of its own, some 1,500 pages. A project can no longer run a script that keeps the
 * renderer busy (only the page runner may run), so this is the slowest honest page.
 */
export function slowRenderProject(paragraphs = 1500): string {
  const dir = path.join(tempDir('vb-slow-render-'), 'lang');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  const style = readFileSync(path.join(REPO_ROOT, 'templates/style.css'), 'utf8');
  writeFileSync(path.join(dir, 'templates/style.css'), `${style}\n.vb-sectie p { break-before: page; }\n`);
  const body = Array.from({ length: paragraphs }, (_, i) => `Alinea ${i + 1} over de aanpak van huiselijk geweld.`).join('\n\n');
  writeFileSync(path.join(dir, 'secties/02-lang.md'), `---\ntitel: Lang\n---\n${body}\n`);
  return dir;
}

/**
 * A project whose check takes seconds: a data file just under the 8 MiB limit, in
 * YAML, which the parser has to read through entirely.
 */
export function slowCheckProject(): string {
  const dir = path.join(tempDir('vb-slow-check-'), 'groot');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  writeSlowData(dir);
  return dir;
}

/**
 * Makes a project's check take minutes (without the parse cache): a data file just
 * under the 8 MiB limit, in YAML, which the parser has to read through entirely, and
 * a section that uses it.
 */
export function writeSlowData(dir: string): void {
  writeSlowYaml(path.join(dir, 'data'));
  // Used, so that no unused-data warning is what the test sees.
  writeFileSync(path.join(dir, 'secties/02-groot.md'), '---\ntitel: Groot\n---\nWaarde: {{groot.regel_0.waarde}}.\n');
}

/** The 7.5 MiB of YAML, as `groot.yaml` in `folder`. */
export function writeSlowYaml(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 7.5 * 1024 * 1024; i++) {
    const line = `regel_${i}: { jaar: ${2000 + (i % 25)}, tekst: "Het aantal meldingen bij Veilig Thuis nam opnieuw toe", waarde: ${i} }\n`;
    lines.push(line);
    size += line.length;
  }
  writeFileSync(path.join(folder, 'groot.yaml'), lines.join(''));
}
