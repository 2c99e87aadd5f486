/** Size of the built widget script, raw and gzip (what the marketplace and the browser download). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of a built widget file (script.js by default) and of its gzip at the default level. */
export function scriptSize(root: string, file = 'script.js'): { rawBytes: number; gzipBytes: number } {
  const data = readFileSync(join(root, 'widget', file));
  return { rawBytes: data.length, gzipBytes: gzipSync(data).length };
}
