/** Value formats the import accepts; pure functions over one cell's text or number. */

/** Largest Excel date serial (31.12.9999). */
const MAX_SERIAL = 2958465;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validTime(h?: string, min?: string, s?: string): boolean {
  if (h === undefined) return true;
  return Number(h) < 24 && Number(min) < 60 && (s === undefined || Number(s) < 60);
}

/** dd.mm.yyyy or yyyy-mm-dd (optionally with hh:mm[:ss]), or an Excel date serial. */
export function isAcceptedDate(value: string | number): boolean {
  if (typeof value === 'number') return value > 0 && value <= MAX_SERIAL;
  const v = value.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) return validDate(+m[3]!, +m[2]!, +m[1]!) && validTime(m[4], m[5], m[6]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) && validTime(m[4], m[5], m[6]);
  if (/^\d+(\.\d+)?$/.test(v)) return isAcceptedDate(Number(v));
  return false;
}

/** A number, allowing spaces as thousands separators and a decimal comma ("1 500,50"). */
export function isAcceptedNumber(value: string | number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  const v = value.replace(/[\s\u00A0\u202F]/g, '');
  return /^-?\d+([.,]\d+)?$/.test(v);
}

/** Several values in one cell are separated by `,` or `;`. */
export function splitMulti(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A phone: digits, spaces, `+ ( ) - .`, and 10–15 digits (a full number with its code). */
export function isAcceptedPhone(value: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

/** An email with one `@`, a non-empty local part and a dotted domain. */
export function isAcceptedEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(value) && !/\.\./.test(value);
}
