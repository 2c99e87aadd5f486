import { normalizeEmail, normalizePhone } from '../audit/normalize';
import type { DuplicateGroup } from './types';

/**
 * Finds contacts sharing a normalised phone or email in one pass, keeping only a map from value to
 * the ids seen with it — linear in contacts, no raw pages kept.
 */
export class DuplicateIndex {
  private readonly phones = new Map<string, number | number[]>();
  private readonly emails = new Map<string, number | number[]>();

  /** Record one contact's raw phone and email values. */
  add(id: number, phones: readonly unknown[], emails: readonly unknown[]): void {
    for (const raw of new Set(phones.map((p) => normalizePhone(p as string)))) {
      if (raw.length >= 7) remember(this.phones, raw, id);
    }
    for (const raw of new Set(emails.map((e) => normalizeEmail(typeof e === 'string' ? e : String(e ?? ''))))) {
      if (raw.includes('@')) remember(this.emails, raw, id);
    }
  }

  /** Groups of two or more distinct contacts, phones first, each sorted for stable output. */
  groups(): DuplicateGroup[] {
    return [...collect('phone', this.phones), ...collect('email', this.emails)];
  }
}

function remember(map: Map<string, number | number[]>, key: string, id: number): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, id);
  else if (typeof seen === 'number') {
    if (seen !== id) map.set(key, [seen, id]);
  } else if (!seen.includes(id)) seen.push(id);
}

function collect(kind: DuplicateGroup['kind'], map: Map<string, number | number[]>): DuplicateGroup[] {
  const out: DuplicateGroup[] = [];
  for (const [key, ids] of map) {
    if (Array.isArray(ids)) out.push({ kind, key, contactIds: [...ids].sort((a, b) => a - b) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
