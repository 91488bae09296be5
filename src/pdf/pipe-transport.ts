import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/**
 * DevTools over Chromium's pipe (`--remote-debugging-pipe`): it reads commands on its
 * file descriptor 3 and writes answers on 4, each message ended by a NUL byte. When
 * this process ends, however it ends (SIGKILL too), the pipe closes and Chromium
 * exits with it: a browser can never outlive the build that started it. Nor is
 * there a port on which anything else on the machine could drive it.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toChromium: Writable,
    fromChromium: Readable,
  ) {
    fromChromium.on('data', (chunk: Buffer) => this.receive(chunk));
    const end = () => this.end();
    fromChromium.on('close', end);
    fromChromium.on('error', end);
    toChromium.on('error', end);
  }

  send(message: string): void {
    if (this.closed) return;
    // One write per message: each write is a system call that wakes Chromium's reader.
    this.toChromium.write(`${message}\0`);
  }

  close(): void {
    this.end();
    this.toChromium.end();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const message = Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString('utf8');
      this.pending = [];
      start = end + 1;
      // Answers are handed over one task at a time, as puppeteer's own pipe transport does.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.onclose?.());
  }
}
