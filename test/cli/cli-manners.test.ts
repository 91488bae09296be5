import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS, type OptionName } from '../../src/cli/cli-options.js';
import { COMMAND_NAMES, COMMANDS } from '../../src/cli/command-table.js';
import { main } from '../../src/cli/main.js';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { copyFixture, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');
const VERSION = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false }, out, err };
}

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
}

const flag = (o: OptionName) => ((OPTIONS[o] as { negatable?: boolean }).negatable ? `--no-${o}` : `--${o}`);

describe('the version', () => {
  it('is printed for -v and --version, by the installed command too', async () => {
    for (const v of ['-v', '--version']) {
      const r = cli([v]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
    }
    expect((await run('build', '-v')).out).toBe(VERSION);
  });
});

describe('help', () => {
  for (const command of COMMAND_NAMES) {
    it(`"help ${command}" and "${command} --help" show ${command}'s own usage`, async () => {
      const a = await run('help', command);
      const b = await run(command, '--help');
      const c = await run(command, '-h');
      expect(a.code).toBe(0);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(a.out).toMatch(new RegExp(`^Usage: voortgangsbrief ${command} `));
      const own = COMMANDS[command]!.options;
      for (const o of own) expect(a.out).toContain(flag(o));
      for (const o of Object.keys(OPTIONS) as OptionName[]) {
        if (!own.includes(o) && o !== 'help') expect(a.out, `${command} does not take ${flag(o)}`).not.toMatch(new RegExp(`${flag(o)}\\b`));
      }
    });
  }

  it('without a command lists every command; a misspelt one is a usage error', async () => {
    const all = await run('help');
    expect(all.code).toBe(0);
    for (const c of COMMAND_NAMES) expect(all.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect((await run('--help')).out).toBe(all.out);
    const typo = await run('help', 'biuld');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/did you mean "build"/);
  });
});

describe('flags are checked per command', () => {
  it.each([
    [['check', '--port', '80'], '--port belongs to watch, not to check', 'check'],
    [['check', '--no-pdf'], '--no-pdf belongs to watch, not to check', 'check'],
    [['init', 'x', '--out', 'y'], '--out belongs to build and watch, not to init', 'init'],
    [['build', '--type', 'kamerbrief'], '--type belongs to init, not to build', 'build'],
    [['watch', '--split'], '--split belongs to build, not to watch', 'watch'],
    [['check', '--stict'], 'unknown option --stict for check; did you mean --strict?', 'check'],
    [['build', '--jsno'], 'unknown option --jsno for build; did you mean --json?', 'build'],
    [['watch', '--no-pfd'], 'unknown option --no-pfd for watch; did you mean --no-pdf?', 'watch'],
    [['build', '--frobnicate'], 'unknown option --frobnicate for build', 'build'],
    [['biuld'], 'unknown command "biuld"; did you mean "build"?', undefined],
    [['build', '--out'], '--out needs a value: --out <dir>', 'build'],
    [['build', '--json=yes'], '--json takes no value', 'build'],
    [['check', 'a', 'b'], 'unexpected argument "b"', 'check'],
    [['completion'], 'completion needs <bash|zsh>', 'completion'],
  ])('%j exits 2: "%s", with the usage line of that command only', async (argv, message, command) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe(`voortgangsbrief: ${message}`);
    expect(lines[1]).toMatch(command ? new RegExp(`^usage: voortgangsbrief ${command} `) : /^usage: voortgangsbrief <command>/);
    expect(lines[2]).toBe(command ? `see: voortgangsbrief help ${command}` : 'see: voortgangsbrief help');
    expect(lines).toHaveLength(3);
  });

  it('gives each command what it asked for', () => {
    const w = parseCliArgs(['watch', 'brief', '--no-pdf', '--open', '--host', '0.0.0.0', '--port=0', '--set', 'a=1', '--set=b.c=2']);
    expect(w).toMatchObject({ command: 'watch', dir: 'brief', pdf: false, open: true, host: '0.0.0.0', port: 0, overrides: { a: 1, b: { c: 2 } } });
    expect(parseCliArgs(['build', 'a', 'b', 'c', '--split'])).toMatchObject({ dir: 'a', extra: ['b', 'c'], split: true });
    expect(parseCliArgs(['init', 'x', '--tool', 'file:../t.tgz'])).toMatchObject({ dir: 'x', tool: 'file:../t.tgz', dirGiven: true });
  });
});

describe('completion', () => {
  const script = (shell: string) => {
    const r = cli(['completion', shell]);
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(tempDir(), `completion.${shell}`);
    writeFileSync(file, r.stdout);
    return file;
  };

  it('bash completes commands, each command\'s own flags and the values of --type and schema', () => {
    const file = script('bash');
    const complete = (line: string) => {
      const words = line.split(' ');
      const r = spawnSync('bash', ['-c', `source "$1"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _voortgangsbrief; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', file], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean).sort();
    };
    expect(complete('voortgangsbrief ch')).toEqual(['check']);
    expect(complete('voortgangsbrief c')).toEqual(['check', 'completion']);
    expect(complete('voortgangsbrief check --s')).toEqual(['--set', '--strict']);
    expect(complete('voortgangsbrief watch --')).toEqual(COMMANDS.watch!.options.map(flag).concat('--help').sort());
    expect(complete('voortgangsbrief init brief --type kam')).toEqual(['kamerbrief', 'kamerstuk', 'kamervragen']);
    expect(complete('voortgangsbrief schema b')).toEqual(['brief', 'bronnen']);
    expect(complete('voortgangsbrief help w')).toEqual(['watch']);
    expect(complete('voortgangsbrief completion z')).toEqual(['zsh']);
  });

  it('zsh gets a script that zsh parses and registers for the command', () => {
    const file = script('zsh');
    const r = spawnSync('zsh', ['-f', '-c', `autoload -U compinit && compinit -u -D && source "$1" && print -r -- $_comps[voortgangsbrief]`, 'zsh', file], { encoding: 'utf8' });
    expect(r.error, 'zsh is installed by scripts/setup.sh').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('_voortgangsbrief');
    expect(readFileSync(file, 'utf8')).toMatch(/^#compdef voortgangsbrief/);
  });

  it('refuses another shell', async () => {
    const r = await run('completion', 'fish');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/choose one of: bash, zsh/);
  });
});

/** Starts `watch` as the author would, and waits for the line with the preview's address. */
function startWatch(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr += s;
      const m = /preview at (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`watch exited: ${stderr}`)));
  });
  const stop = async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return { url, stop, stderr: () => stderr };
}

/** A stand-in for the desktop's opener on the PATH, which writes down what it was asked to open. */
function fakeOpener(): { bin: string; log: string } {
  const bin = path.join(tempDir('vb-opener-'), 'bin');
  mkdirSync(bin);
  const log = path.join(bin, '..', 'opened.txt');
  writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\n`);
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  return { bin, log };
}

async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe.skipIf(process.platform !== 'linux')('watch --open and --host', () => {
  it('binds where --host says, and opens that preview in the system browser', async () => {
    const opener = fakeOpener();
    const w = startWatch([copyFixture('minimal'), '--port', '0', '--no-pdf', '--host', '127.0.0.2', '--open'], { PATH: `${opener.bin}:${process.env.PATH}`, DISPLAY: ':0' });
    try {
      const url = await w.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
      expect(await eventually(() => existsSync(opener.log))).toBe(true);
      expect(readFileSync(opener.log, 'utf8').trim()).toBe(url);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      // Bound to 127.0.0.2 alone: the usual loopback address has nothing on that port.
      await expect(fetch(url.replace('127.0.0.2', '127.0.0.1'))).rejects.toThrow();
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });

  it('says so when there is no system browser to open, and keeps watching', async () => {
    const opener = fakeOpener();
    const env = { PATH: `${opener.bin}:${process.env.PATH}`, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const w = startWatch([copyFixture('minimal'), '--port', '0', '--no-pdf', '--open'], env);
    try {
      const url = await w.url;
      expect(await eventually(() => w.stderr().includes('no system browser'))).toBe(true);
      expect(w.stderr()).toContain(`visit ${url} yourself`);
      expect(existsSync(opener.log)).toBe(false);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });

  it('reports an address that is not this machine\'s as a usage error', () => {
    const r = cli(['watch', copyFixture('minimal'), '--no-pdf', '--host', '192.0.2.1', '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the preview cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
