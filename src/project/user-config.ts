import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseYaml } from '../parse/yaml-on-demand.js';
import { RenderError } from '../diagnostics/diagnostic.js';

/**
 * The user's own settings, outside every letter project:
 * `$XDG_CONFIG_HOME/voortgangsbrief/config.yaml` (default `~/.config/…`). It is the
 * only file that may name a browser: a branch of a letter project is not reviewed
 * before CI builds it, so nothing in the project may choose a program to run.
 */
export function userConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'voortgangsbrief', 'config.yaml');
}

const MAX_SIZE = 64 * 1024;

/** `browser:` from the user-level config, if the file exists and sets it. */
export function userConfiguredBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = userConfigFile(env);
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_SIZE) throw new RenderError(`${file} is not a small regular file; make it a YAML file with "browser: /path/to/chromium"`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof RenderError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new RenderError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); fix its permissions or remove it`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new RenderError(`${file} is not valid YAML (${(err as Error).message.split('\n')[0]}); write "browser: /path/to/chromium"`);
  }
  if (value === null || value === undefined) return undefined;
  const browser = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).browser : undefined;
  if (browser === undefined) return undefined;
  if (typeof browser !== 'string' || !path.isAbsolute(browser)) {
    throw new RenderError(`"browser:" in ${file} must be an absolute path to Chromium or Chrome, e.g. browser: /usr/bin/chromium`);
  }
  return browser;
}
