import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * Opens a URL in the desktop's own browser, the way the system opens a link. Returns
 * false when there is none: no opener on the PATH, or a Linux machine without a
 * display, where xdg-open would start a text browser in the author's terminal.
 */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  const found = onPath(command, env);
  if (!found) return false;
  // Detached and unreferenced: the browser must not end with the watch, nor hold it up.
  const child = spawn(found, args, { detached: true, stdio: 'ignore', env, windowsVerbatimArguments: platform === 'win32' });
  child.once('error', () => undefined);
  child.unref();
  return true;
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const ext of exts) {
      const file = path.join(dir, command + ext);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not in this folder.
      }
    }
  }
  return undefined;
}
