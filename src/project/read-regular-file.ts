import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: what the caller turns into a diagnostic. */
export class NotARegularFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'not-regular' | 'too-large',
    readonly size: number,
  ) {
    super(reason === 'not-regular' ? `${file} is not a regular file` : `${file} is too large (${size} bytes)`);
    this.name = 'NotARegularFile';
  }
}

/**
 * Reads a regular file of at most `maxBytes` (or its first `prefix` bytes), and nothing else: a FIFO, a device or a
 * socket in place of a section, an image or a font would block the build for ever
 * (or stream for ever). The file is opened without blocking and checked through its
 * own descriptor, so it cannot be swapped between the check and the read. The size
 * is checked before a single byte is read, so a sparse 8 GB image costs nothing.
 */
export function readRegularFile(file: string, maxBytes: number, prefix?: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotARegularFile(file, 'not-regular', 0);
    if (stat.size > maxBytes) throw new NotARegularFile(file, 'too-large', stat.size);
    // Only the first `prefix` bytes, when that is all the caller needs (an image header).
    const length = Math.min(stat.size, prefix ?? maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === length ? buffer : buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
