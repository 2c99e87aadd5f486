/**
 * Normalisation shared by rules, snapshot gatherers and the import pre-flight, so that
 * "the same name/phone/email" means the same thing everywhere (checklist, "Terms").
 */

/** Trimmed, inner whitespace collapsed, case-folded, `ё`→`е` (so «Ёлка » equals «елка»). */
export function normalizeName(value: string | null | undefined): string {
  if (!value) return '';
  // NFC first: `ё` may arrive as `е` + combining diaeresis.
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}

/** Digits only, last 10 (amoCRM itself matches calls to contacts by the last 10 digits); '' when none. */
export function normalizePhone(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\D+/g, '').slice(-10);
}

/** Trimmed and lower-cased; '' when empty. */
export function normalizeEmail(value: string | null | undefined): string {
  if (!value) return '';
  return value.trim().toLowerCase();
}
