/** The seed accounts, by name. */
import type { Store } from '../store';
import { busySeed } from './busy';
import { cleanSeed } from './clean';
import { freshSeed } from './fresh';
import { largeSeed } from './large';
import { messySeed } from './messy';

/** Names of the available seeds. */
export const SEED_NAMES = ['fresh', 'messy', 'clean', 'busy', 'large'] as const;
/** A seed name. */
export type SeedName = (typeof SEED_NAMES)[number];

const BUILDERS: Record<SeedName, (nowMs: number) => Store> = {
  fresh: freshSeed,
  messy: messySeed,
  clean: cleanSeed,
  busy: busySeed,
  large: largeSeed,
};

/** True when s names a seed. */
export function isSeedName(s: string): s is SeedName {
  return (SEED_NAMES as readonly string[]).includes(s);
}

/**
 * A role without status rights shows, as the API shows it, one all-denied row per unsorted stage (the
 * docs' role examples answer with those rows; a PATCH with `status_rights: null` leaves them too). A seed
 * holding `null` would be a state no real account returns, and a role written back as read would differ.
 */
function withUnsortedStatusRows(store: Store): Store {
  const rows = store.pipelines.flatMap((p) =>
    p.statuses
      .filter((s) => s.type === 1)
      .map((s) => ({
        entity_type: 'leads',
        pipeline_id: p.id,
        status_id: s.id,
        rights: { view: 'D' as const, edit: 'D' as const, delete: 'D' as const },
      })),
  );
  for (const role of store.roles)
    if (!role.rights.status_rights?.length) role.rights.status_rights = structuredClone(rows);
  return store;
}

/** Builds a seed's store; every timestamp is relative to `nowMs`. */
export function buildSeed(name: SeedName, nowMs: number): Store {
  return withUnsortedStatusRows(BUILDERS[name](nowMs));
}
