import { spawn } from 'node:child_process';
import { watchPeakMemory, type PeakMemory } from './proc-tree.js';

export interface SpawnMeasurement {
  /** Wall time from spawn() to the process's exit, in ms: launch → PDF written. */
  ms: number;
  /** Peak memory of the process tree, when asked for. */
  peak?: PeakMemory;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  /**
   * Sample /proc every 50 ms. Only for memory runs: the sampling itself uses CPU on
   * a 2-core machine, so timed runs leave it off.
   */
  sampleMemory?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Runs one command to completion and measures it; a non-zero exit is an error with stderr attached. */
export function timeProcess(command: string, args: readonly string[], options: SpawnOptions): Promise<SpawnMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: options.env } : {}) });
    const watcher = options.sampleMemory && child.pid !== undefined ? watchPeakMemory(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) => {
      watcher?.stop();
      reject(err);
    });
    // 'close' rather than 'exit': the output pipes are drained too, so the PDF is fully written.
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      const peak = watcher?.stop();
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}:\n${stderr.trim()}`));
        return;
      }
      resolve({ ms, stdout, stderr, ...(peak ? { peak } : {}) });
    });
  });
}
