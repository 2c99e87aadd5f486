/**
 * Snapshots and per-part request counts saved by the version before the In use area: it read every lead
 * into the part `openLeads` (open deals counted by owner and stage), and had no `tasks` or `webhooks`.
 * Its counts cannot stand in for the leads the In use rules judge one by one, so those parts become
 * failures that say why (`outdated`): the rules show "not available" with that reason instead of judging
 * an empty list, and the next audit reads them.
 */
import type { PartRequests } from './time-left';
import type { Part, PartFailure, PartName } from './types';

/** The part the previous version kept instead of `leads`. */
export const LEGACY_LEADS_PART = 'openLeads';

/** Parts a snapshot saved by the previous version lacks. */
const ADDED_WITH_LEADS: readonly PartName[] = ['leads', 'tasks', 'webhooks'];

/** The failure standing for a part an older version did not read (the message is the English reason). */
export function outdatedPart(): { error: PartFailure } {
  return {
    error: {
      kind: 'outdated',
      status: null,
      message: 'saved by an earlier version, which did not read this; a new audit reads it',
    },
  };
}

/**
 * The parts of a saved snapshot as this version reads them. A snapshot without `openLeads` is returned as
 * it is. One with it gets `leads` (the same failure when `openLeads` had failed: it was the same read;
 * else `outdated`), and `tasks` and `webhooks` as `outdated` when missing.
 */
export function migrateParts(parts: Record<string, unknown>): Record<string, unknown> {
  if (!(LEGACY_LEADS_PART in parts)) return parts;
  const { [LEGACY_LEADS_PART]: legacy, ...rest } = parts;
  const failed = !!legacy && typeof legacy === 'object' && 'error' in legacy;
  const migrated: Record<string, unknown> = { ...rest };
  for (const name of ADDED_WITH_LEADS) {
    if (migrated[name] !== undefined) continue;
    migrated[name] = name === 'leads' && failed ? (legacy as Part<unknown>) : outdatedPart();
  }
  return migrated;
}

/**
 * Per-part request counts as this version names the parts: `openLeads` paged through every lead at the
 * same page size as `leads` does, so its count is the count `leads` will take.
 */
export function migratePartRequests(counts: PartRequests & Record<string, number>): PartRequests {
  if (!(LEGACY_LEADS_PART in counts)) return counts;
  const { [LEGACY_LEADS_PART]: legacy, ...rest } = counts;
  return rest.leads === undefined && legacy !== undefined ? { ...rest, leads: legacy } : rest;
}
