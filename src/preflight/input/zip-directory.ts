/**
 * Reads a zip's central directory without inflating anything, so a zip bomb is refused on
 * its declared sizes before a single byte is decompressed.
 */

/** One entry as the central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  /** General-purpose flag bit 0: the entry is encrypted (password-protected zip). */
  encrypted: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const U16 = 0xffff;
const U32 = 0xffffffff;

/** Thrown when the bytes are not a readable zip; the message is for logs, not for users. */
export class ZipFormatError extends Error {}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i;
  }
  throw new ZipFormatError('end of central directory not found');
}

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/** The entries of the central directory (names decoded as UTF-8). */
export function readCentralDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  if (bytes.byteLength < 22) throw new ZipFormatError('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === U16 || size === U32 || offset === U32) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_LOCATOR64) throw new ZipFormatError('zip64 locator missing');
    const at = u64(view, loc + 8);
    if (at + 56 > bytes.byteLength || view.getUint32(at, true) !== SIG_EOCD64)
      throw new ZipFormatError('zip64 record missing');
    count = u64(view, at + 32);
    size = u64(view, at + 40);
    offset = u64(view, at + 48);
  }
  if (offset + size > bytes.byteLength) throw new ZipFormatError('central directory out of bounds');
  const names = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipFormatError('bad central entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > bytes.byteLength) throw new ZipFormatError('central entry out of bounds');
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extra field (id 1) carries, in order, only the sizes that overflowed 32 bits.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressed === U32 && q + 8 <= e + 4 + len) {
          uncompressed = u64(view, q);
          q += 8;
        }
        if (compressed === U32 && q + 8 <= e + 4 + len) {
          compressed = u64(view, q);
        }
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressed, uncompressed, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
