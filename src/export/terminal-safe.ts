/**
 * Account data made harmless for a terminal. Names, error bodies and file cells can carry ESC
 * sequences (clear the screen, set the window title, move the cursor and overwrite report lines),
 * C1 controls (a lone U+009B is a CSI on many terminals), carriage returns and Unicode controls that
 * reorder text; every one is shown as a visible stand-in instead, so the text reads as it is.
 */

// C0 except tab, DEL, C1, line/paragraph separators, bidi embeddings/overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  // C0 has Unicode "control pictures" (ESC → ␛, LF → ␊); the rest is written as its escape.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown visibly (`\x1b` → `␛`, `\u009b` → `\u009b` as text). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

// The product's own sequences: SGR colour codes and the progress line's "return, clear line".
const OWN_OR_UNSAFE =
  /\u001B\[[0-9;]{0,12}m|\r\u001B\[K|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Last line of defence for whole output (text that already joined lines): line breaks, tabs and the
 * product's colour and progress codes stay, every other control is shown visibly. Renderers escape
 * account data with `terminalSafe` first, so data never reaches this point as a colour code either.
 */
export function terminalOutput(text: string): string {
  return text.replace(OWN_OR_UNSAFE, (m) => (m.length > 1 ? m : visible(m)));
}
