import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InitError, initProject } from '../../src/init/init-project.js';
import { mergePackageJson, SCRIPTS } from '../../src/init/package-json.js';
import { installedFrom, isPlaceholder } from '../../src/init/tool-spec.js';
import { tempDir } from '../helpers/build-fixture.js';

function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

describe('where the running tool came from', () => {
  it('is the dependency of the project it is installed in, a file: path rebased onto the new folder', () => {
    const project = tempDir('vb-dependent-');
    const root = path.join(project, 'node_modules', 'voortgangsbrief');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ devDependencies: { voortgangsbrief: 'file:../releases/voortgangsbrief-0.1.0.tgz' } }));
    expect(installedFrom(project, root)).toBe('file:../releases/voortgangsbrief-0.1.0.tgz');
    expect(installedFrom(path.join(project, 'brieven', '2026'), root)).toBe('file:../../../releases/voortgangsbrief-0.1.0.tgz');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ dependencies: { voortgangsbrief: 'git+https://git.example.org/team/voortgangsbrief.git#v0.1.0' } }));
    expect(installedFrom(path.join(project, 'elders'), root)).toBe('git+https://git.example.org/team/voortgangsbrief.git#v0.1.0');
  });

  it('is the remote and commit of the clone it runs from, and unknown for a clone without a remote', () => {
    const clone = tempDir('vb-clone-');
    git(clone, 'init', '-q');
    writeFileSync(path.join(clone, 'package.json'), '{}');
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'x');
    const commit = git(clone, 'rev-parse', 'HEAD');
    const target = tempDir('vb-target-');
    expect(installedFrom(target, clone)).toBeUndefined();
    git(clone, 'remote', 'add', 'origin', 'git@git.example.org:team/voortgangsbrief.git');
    expect(installedFrom(target, clone)).toBe(`git+ssh://git@git.example.org/team/voortgangsbrief.git#${commit}`);
    git(clone, 'remote', 'set-url', 'origin', 'https://git.example.org/team/voortgangsbrief.git');
    expect(installedFrom(target, clone)).toBe(`git+https://git.example.org/team/voortgangsbrief.git#${commit}`);
    // A path on this machine would not exist in CI.
    git(clone, 'remote', 'set-url', 'origin', '/srv/git/voortgangsbrief');
    expect(installedFrom(target, clone)).toBeUndefined();
  });

  it('is a placeholder otherwise, which init warns about and a later --tool replaces', () => {
    const dir = path.join(tempDir(), 'brief');
    const first = initProject(dir, { type: 'kamerbrief', tool: 'REPLACE-ME:git+https://<your git host>/<group>/voortgangsbrief.git#v0.1.0' });
    expect(first.toolIsPlaceholder).toBe(true);
    const again = initProject(dir, { tool: 'git+https://git.example.org/team/voortgangsbrief.git#v0.1.0' });
    expect(again.updated).toEqual([{ file: 'package.json', added: ['devDependencies.voortgangsbrief'] }]);
    expect(again.toolIsPlaceholder).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).devDependencies.voortgangsbrief).toBe('git+https://git.example.org/team/voortgangsbrief.git#v0.1.0');
    // Everything else was there and stays as it was.
    expect(again.created).toEqual([]);
    expect(isPlaceholder(again.tool)).toBe(false);
  });
});

describe('an existing package.json', () => {
  it('gets only what it lacks, in its own indentation; a value of the team is never changed', () => {
    const text = '{\n    "name": "team",\n    "scripts": { "build": "make pdf" },\n    "devDependencies": { "voortgangsbrief": "file:../x.tgz" }\n}\n';
    const merged = mergePackageJson(text, 'git+https://elsewhere.example.org/v.git');
    expect(merged.added).toEqual(['scripts.check', 'scripts.watch']);
    const m = JSON.parse(merged.text);
    expect(m.scripts).toEqual({ build: 'make pdf', check: SCRIPTS.check, watch: SCRIPTS.watch });
    expect(m.devDependencies.voortgangsbrief).toBe('file:../x.tgz');
    expect(merged.tool).toBe('file:../x.tgz');
    expect(merged.text).toMatch(/^\{\n {4}"name"/);
    const complete = mergePackageJson(merged.text, 'file:../y.tgz');
    expect(complete).toEqual({ text: merged.text, added: [], tool: 'file:../x.tgz' });
  });

  it('keeps its dependency on the tool, and the team README names that one', () => {
    const dir = tempDir('vb-haspkg-');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ devDependencies: { voortgangsbrief: 'file:../x.tgz' } }));
    const result = initProject(dir, { tool: 'git+https://elsewhere.example.org/v.git' });
    expect(result.tool).toBe('file:../x.tgz');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('"voortgangsbrief": "file:../x.tgz"');
  });

  it('that is not JSON stops init with a message, before anything is written', () => {
    const dir = tempDir('vb-badjson-');
    writeFileSync(path.join(dir, 'package.json'), '{ "name": ');
    expect(() => initProject(dir, { tool: 'file:../x.tgz' })).toThrow(InitError);
    expect(() => initProject(dir, { tool: 'file:../x.tgz' })).toThrow(/package\.json .* is not valid JSON/);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });
});
