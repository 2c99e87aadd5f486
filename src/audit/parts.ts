/** The parts an audit gathers: exactly what its rules declare they read, so no list is kept by hand. */
import type { PartName } from '../snapshot/types';
import { RULES } from './registry';
import type { Rule } from './types';

/** Every part the rules require or read when available, each once, in first-seen order. */
export function partsOf(rules: readonly Rule[]): PartName[] {
  return [...new Set(rules.flatMap((r) => [...r.meta.requires, ...r.meta.optional]))];
}

/** The parts the registry's rules read. */
export const AUDIT_PARTS: readonly PartName[] = Object.freeze(partsOf(RULES));

/**
 * The lists the In use area added to the audit (issue 17): no earlier read covers them. The request budget counts
 * them on top of the 15 of the set-up areas (README "The request budget"); records-owned-by-inactive-users has
 * since also counted the open tasks, which costs nothing more.
 */
export const IN_USE_LISTS: readonly PartName[] = Object.freeze(['tasks', 'webhooks'] as const);
