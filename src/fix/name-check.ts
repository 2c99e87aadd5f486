/**
 * Whether the names a choice of changes would write are usable: not empty, not too long, and not
 * repeating a name of the same kind — a field of the same entity, a stage of the same pipeline, an
 * option of the same field — in the account or among the other names being written. The panel shows
 * these problems beside each input; the executor checks them again against a fresh read and refuses.
 */
import { normalizeName } from '../audit/normalize';
import type { Message } from '../audit/types';
import { finalName, type NameEdits, type NameSlot } from './name-slots';

/**
 * The longest name accepted. The API reference documents no length limit for field, option or stage
 * names, so this is our own cap: long enough for any real name, short enough that no column or
 * screen of the CRM is likely to refuse or cut it.
 */
export const MAX_NAME_LENGTH = 255;

/** A name the account already holds in a scope; `id` is the object's (a stage's id, to leave out the one renamed). */
export interface TakenName {
  id: number;
  name: string;
}

/** The account's names per scope (see NameSlot.scope). */
export type TakenNames = Readonly<Record<string, readonly TakenName[]>>;

/**
 * The problem of each chosen slot whose name cannot be written, by slot id (no entry: fine). Every
 * slot given is one that will be written; a rename's stage leaves its scope (its name is being replaced).
 */
export function nameProblems(slots: readonly NameSlot[], taken: TakenNames, edits: NameEdits): Record<string, Message> {
  const problems: Record<string, Message> = {};
  const replaced = new Set(slots.flatMap((s) => (s.replaces === undefined ? [] : [`${s.scope} ${s.replaces}`])));
  for (const slot of slots) {
    const name = finalName(slot, edits);
    if (name === '') {
      problems[slot.id] = { key: 'fix.name.empty' };
      continue;
    }
    if ([...name].length > MAX_NAME_LENGTH) {
      problems[slot.id] = { key: 'fix.name.tooLong', params: { max: MAX_NAME_LENGTH, count: [...name].length } };
      continue;
    }
    const norm = normalizeName(name);
    const holder = (taken[slot.scope] ?? []).find(
      (t) => !replaced.has(`${slot.scope} ${t.id}`) && normalizeName(t.name) === norm,
    );
    if (holder) {
      problems[slot.id] = { key: `fix.name.taken.${slot.kind}`, params: { name: holder.name } };
      continue;
    }
    const twin = slots.find((o) => o !== slot && o.scope === slot.scope && normalizeName(finalName(o, edits)) === norm);
    if (twin) problems[slot.id] = { key: `fix.name.repeated.${slot.kind}`, params: { name } };
  }
  return problems;
}
