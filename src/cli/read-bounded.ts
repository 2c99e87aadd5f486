import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Thrown when a file is larger than the reader allows; `size` is null when the file has no size (a device, a pipe). */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number | null,
    readonly max: number,
  ) {
    super(size === null ? `more than ${max} bytes` : `${size} bytes, more than ${max}`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Reads at most `max` bytes. A regular file's size comes from `fstat` before a byte is read; a device
 * or pipe (`/dev/zero`, `<(yes)`) is read in chunks and refused as soon as it passes `max`, so nothing
 * ever holds more than `max` + one chunk in memory.
 */
export function readFileBounded(path: string, max: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > max) throw new FileTooLargeError(stat.size, max);
    const chunk = 64 * 1024;
    const out = new Uint8Array(Math.min(stat.isFile() ? stat.size : chunk, max) + 1);
    let buf = out;
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > max) throw new FileTooLargeError(stat.isFile() ? n : null, max);
        const next = new Uint8Array(Math.min(buf.length * 2, max + 1));
        next.set(buf);
        buf = next;
      }
      const read = readSync(fd, buf, n, buf.length - n, null);
      if (read === 0) break;
      n += read;
    }
    if (n > max) throw new FileTooLargeError(stat.isFile() ? n : null, max);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
