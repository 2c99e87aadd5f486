/** The seed accounts, by name. */
import type { Store } from '../store';
import { cleanSeed } from './clean';
import { freshSeed } from './fresh';
import { largeSeed } from './large';
import { messySeed } from './messy';

/** Names of the available seeds. */
export const SEED_NAMES = ['fresh', 'messy', 'clean', 'large'] as const;
/** A seed name. */
export type SeedName = (typeof SEED_NAMES)[number];

const BUILDERS: Record<SeedName, (nowMs: number) => Store> = {
  fresh: freshSeed,
  messy: messySeed,
  clean: cleanSeed,
  large: largeSeed,
};

/** True when s names a seed. */
export function isSeedName(s: string): s is SeedName {
  return (SEED_NAMES as readonly string[]).includes(s);
}

/** Builds a seed's store; every timestamp is relative to `nowMs`. */
export function buildSeed(name: SeedName, nowMs: number): Store {
  return BUILDERS[name](nowMs);
}
