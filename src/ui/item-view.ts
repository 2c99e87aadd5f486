import type { Item } from '../audit/types';
import type { Translate } from '../i18n/translate';
import { safeLink } from './order';

/** An item as a result carries it: the message rendered to text. */
export type ShownItem = Item & { text: string };

// The params rules put the account's own names in, most specific first: the chip shows the first present.
const NAME_PARAMS = ['user', 'field', 'stage', 'role', 'name', 'pipeline', 'value'] as const;

/** The short name an item is about (a user, field, stage …) for the finding's one line; null when it has none. */
export function chipText(item: ShownItem): string | null {
  const params = item.message.params ?? {};
  for (const key of NAME_PARAMS) {
    const value = params[key];
    if (value !== undefined && String(value).trim() !== '') {
      return key === 'value' && isPhoneItem(item) ? formatPhone(String(value)) : String(value);
    }
  }
  return null;
}

/** Distinct chip names of a result's items, in order, at most `limit`, with how many more there are. */
export function chipsOf(items: readonly ShownItem[], limit = 3): { chips: string[]; more: number } {
  const seen: string[] = [];
  let total = 0;
  for (const item of items) {
    const chip = chipText(item);
    if (chip === null || seen.includes(chip)) continue;
    total++;
    if (seen.length < limit) seen.push(chip);
  }
  return { chips: seen, more: total - seen.length };
}

function isPhoneItem(item: ShownItem): boolean {
  return (item.data as { kind?: unknown } | undefined)?.kind === 'phone';
}

/**
 * A normalised phone (its last 10 digits, checklist terms) grouped the way people read numbers:
 * "(903) 483-41-11". The country code is not known from 10 digits, so none is invented.
 */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, '');
  if (d.length === 10) return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
  if (d.length === 7) return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
  return digits;
}

/** The item's text, with a phone number in it formatted (re-rendered from its message when the key exists). */
export function itemText(item: ShownItem, t: Translate): string {
  const value = item.message.params?.value;
  if (!isPhoneItem(item) || value === undefined) return item.text;
  const text = t(item.message.key, { ...item.message.params, value: formatPhone(String(value)) });
  // A missing key renders as the key itself: keep the text the report carries then.
  return text === item.message.key ? item.text : text;
}

/**
 * The records a group item stands for (duplicate contacts): one same-origin link per record, with the
 * contact's name when the report carries it (`contact_names`, aligned with `contact_ids`).
 */
export function recordLinks(item: ShownItem): { id: number; href: string; name: string | null }[] {
  const data = item.data as { contact_ids?: unknown; contact_names?: unknown } | undefined;
  const ids = data?.contact_ids;
  if (!Array.isArray(ids) || ids.length < 2) return [];
  const names = Array.isArray(data?.contact_names) ? data.contact_names : [];
  return ids
    .map((id, i) => ({ id, name: names[i] }))
    .filter((r): r is { id: number; name: unknown } => Number.isSafeInteger(r.id) && (r.id as number) > 0)
    .map(({ id, name }) => ({
      id,
      href: safeLink(`/contacts/detail/${id}`) ?? '',
      name: typeof name === 'string' && name.trim() !== '' ? name : null,
    }))
    .filter((l) => l.href !== '');
}
