import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPOSITORY_FILES, SCAFFOLDS } from '../../src/init/scaffolds.js';
import { SCHEMA_NAMES } from '../../src/model/json-schemas.js';
import { DOCUMENT_TYPES } from '../../src/model/type-schemas.js';
import { buildWithSharedBrowser, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { cleanToolRepository, npmEnv, sh, type ToolRepository } from './tool-package.js';

const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');
const VERSION = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

let tool: ToolRepository;

beforeAll(() => {
  tool = cleanToolRepository();
}, 600_000);

describe('the packed tool', () => {
  it('ships what runs and nothing else, in under 2 MB', () => {
    expect(statSync(tool.tarball).size).toBeLessThan(2 * 1024 * 1024);
    const files = execFileSync('tar', ['tzf', tool.tarball], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('/'))
      .map((f) => f.replace(/^package\//, ''));
    const must = [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/voortgangsbrief.js',
      'dist/main.bundle.js',
      'dist/check-worker.bundle.cjs',
      'dist/check-worker-boot.cjs',
      'dist/cli/main.js',
      'dist/index.js',
      'dist/index.d.ts',
      'templates/brief.hbs',
      'templates/style.css',
      'dist/page-runner.js',
      ...SCHEMA_NAMES.map((n) => `dist/schemas/${n}.json`),
      ...DOCUMENT_TYPES.map((t) => `templates/init/${SCAFFOLDS[t].folder}/brief.md`),
      ...REPOSITORY_FILES.map((f) => `templates/repo/${f.source}`),
    ];
    for (const f of must) expect(files, f).toContain(f);
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/[^/]+\.js|dist\/.+\.(c?js|d\.ts|json)|templates\/.+)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|bench|docs|scripts|\.ci)\/|\.map$|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // The compiled modules (for the Node API) and the bundles; a sanity bound, not a goal.
    expect(files.length).toBeLessThan(700);
  });
});

describe('a letter repository made by init', () => {
  let repo: string;

  it('installs the tool from its tarball and builds the letter with npm run build', async () => {
    repo = path.join(tempDir('vb-team-'), 'onze-brief');
    execFileSync(process.execPath, [BIN, 'init', repo, '--tool', `file:${tool.tarball}`], { env: npmEnv(true), stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ private: true, scripts: { build: 'voortgangsbrief build', check: 'voortgangsbrief check', watch: 'voortgangsbrief watch' }, devDependencies: { voortgangsbrief: `file:${tool.tarball}` } });
    // The first install of a new repository resolves the tool's dependency ranges, for
    // which npm wants registry metadata; its tarballs come from the cache. Every install
    // after this one, with a lock file, is made with the network shut off.
    sh('npm install', repo, npmEnv(false));
    expect(existsSync(path.join(repo, 'package-lock.json'))).toBe(true);
    // The check's V8 code cache is not in the tarball; postinstall makes it with this node,
    // and the installed command's check takes it.
    const installed = path.join(repo, 'node_modules/voortgangsbrief');
    expect(existsSync(path.join(installed, 'dist/check-worker.bundle.v8cache'))).toBe(true);
    const checked = spawnSync(process.execPath, [path.join(installed, 'bin/voortgangsbrief.js'), 'check'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...npmEnv(true), VOORTGANGSBRIEF_PROFILE: '1', VOORTGANGSBRIEF_CACHE: 'off' },
    });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/^profile: check\.code-cache\.accepted /m);
    sh('npm run build', repo, npmEnv(true));
    const pdf = await readPdf(path.join(repo, 'output/brief.pdf'));
    // The same letter built by this checkout, in this process: the same pages.
    const reference = await readPdf((await buildWithSharedBrowser(repo)).documents[0]!.pdf);
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.pages.map((p) => p.text)).toEqual(reference.pages.map((p) => p.text));
    expect(pdf.pages.at(-1)!.text).toMatch(/Bijlage 1\. /);
    for (const p of pdf.pages) expect(p.text).toContain(`Pagina ${p.number} van ${pdf.pages.length}`);
  });

  it('runs its GitHub and GitLab CI steps as written, offline, against the lock file', async () => {
    const github = parse(readFileSync(path.join(repo, '.github/workflows/brief.yml'), 'utf8'));
    const runs: string[] = github.jobs.pdf.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    expect(runs).toEqual(['npm ci', 'npm run check -- --strict', 'npm run build -- --strict']);
    const gitlab = parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8'));
    const lines: string[] = [...gitlab.brief.before_script, ...gitlab.brief.script];
    // The image's apt-get is the one step that is the CI machine's own business.
    expect(lines.filter((l) => l.startsWith('apt-get'))).toHaveLength(1);
    for (const command of [...runs, ...lines.filter((l) => !l.startsWith('apt-get'))]) {
      expect(command, 'only the local install').toMatch(/^npm (ci|run \w+)( -- --strict)?$/);
      sh(command, repo, npmEnv(true));
    }
    expect((await readPdf(path.join(repo, 'output/brief.pdf'))).pages.length).toBeGreaterThan(1);
    // Two npm ci's, two checks and two builds: 30 s on a quiet machine, past 90 s on a busy one.
  }, 300_000);

  it('points VS Code at the schemas of the installed tool, and keeps node_modules and output out of git', () => {
    const settings = JSON.parse(readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8'));
    const schemas = [...Object.keys(settings['yaml.schemas']), ...settings['json.schemas'].map((s: { url: string }) => s.url)];
    expect(schemas.length).toBeGreaterThan(4);
    for (const s of schemas) expect(JSON.parse(readFileSync(path.join(repo, s), 'utf8')).$schema, s).toMatch(/json-schema\.org/);
    sh('git init -q && git add -A', repo, npmEnv(true));
    const tracked = sh('git ls-files', repo, npmEnv(true)).split('\n');
    expect(tracked).toContain('package-lock.json');
    expect(tracked.filter((f) => /^(node_modules|output)\//.test(f))).toEqual([]);
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('"Use it for your own letters": the three commands, run as written in an empty folder', async () => {
    const section = readme.slice(readme.indexOf('## Use it for your own letters'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.split('\n').filter((l) => l.trim());
    expect(commands).toHaveLength(3);
    expect(commands[0]).toMatch(/^npm install --save-dev "git\+https:\/\/[^"]+"$/);
    const dir = path.join(tempDir('vb-readme-'), 'brief');
    mkdirSync(dir);
    // Only the tool's source differs: the tarball packed from this working tree.
    const asRun = [commands[0]!.replace(/"git\+https:[^"]+"/, JSON.stringify(tool.tarball)), ...commands.slice(1)];
    for (const command of asRun) sh(command, dir, npmEnv(true));
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest.devDependencies.voortgangsbrief).toMatch(/^file:.*voortgangsbrief-.*\.tgz$/);
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['build', 'check', 'watch']));
    expect((await readPdf(path.join(dir, 'output/brief.pdf'))).pages.length).toBeGreaterThan(1);
    // The team's README from init names the source the repository really uses.
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain(manifest.devDependencies.voortgangsbrief);
  });

  it('shows the CI files init writes, word for word', () => {
    for (const f of ['github-brief.yml', 'gitlab-ci.yml']) {
      expect(readme).toContain(readFileSync(path.join(REPO_ROOT, 'templates/repo', f), 'utf8').trimEnd());
    }
  });
});

describe('an install from a git URL', () => {
  it('builds dist/ through prepare, so the installed command runs', () => {
    const dir = tempDir('vb-git-install-');
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "git-install", "private": true }\n');
    sh(`npm install --save-dev "git+file://${tool.dir}#${tool.commit}"`, dir, npmEnv(true));
    expect(sh('npx --no-install voortgangsbrief --version', dir, npmEnv(true)).trim()).toBe(VERSION);
    expect(existsSync(path.join(dir, 'node_modules/voortgangsbrief/dist/main.bundle.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules/voortgangsbrief/dist/check-worker.bundle.v8cache'))).toBe(true);
  }, 900_000);
});
