import type { FieldValueDto } from '../api/dto';

/** Raw values of the contact's multitext field with the given code (PHONE or EMAIL). */
export function valuesByCode(fields: FieldValueDto[] | null | undefined, code: 'PHONE' | 'EMAIL'): unknown[] {
  if (!Array.isArray(fields)) return [];
  const out: unknown[] = [];
  for (const field of fields) {
    if (field?.field_code !== code || !Array.isArray(field.values)) continue;
    for (const v of field.values)
      if (v && v.value !== null && v.value !== undefined && String(v.value).trim()) out.push(v.value);
  }
  return out;
}
