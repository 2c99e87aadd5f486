/**
 * Windows-1251 decoding by table (TextDecoder's legacy encodings are not guaranteed in every
 * runtime the widget and CLI run in). 0x00–0x7F are ASCII; 0x98 is unassigned (U+FFFD).
 */
const HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏ' +
  'ђ‘’“”•–—\uFFFD™љ›њќћџ' +
  '\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї' +
  '°±Ііґµ¶·ё№є»јЅѕї' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ' +
  'абвгдежзийклмнопрстуфхцчшщъыьэюя';

/** Decode Windows-1251 bytes. */
export function decodeCp1251(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    let s = '';
    for (const b of part) s += b < 0x80 ? String.fromCharCode(b) : HIGH[b - 0x80];
    out += s;
  }
  return out;
}

/** Encode text as Windows-1251 (characters outside it become `?`); used to build test fixtures and exports. */
export function encodeCp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out[n++] = code;
    else {
      const i = HIGH.indexOf(ch);
      out[n++] = i >= 0 && ch !== '\uFFFD' ? 0x80 + i : 0x3f;
    }
  }
  return out.subarray(0, n);
}
