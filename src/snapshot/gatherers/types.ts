import type { ApiClient } from '../../api/client';
import type { Part, PartName, Snapshot, SnapshotParts } from '../types';

/** The data type of a part. */
export type PartData<K extends PartName> = NonNullable<SnapshotParts[K]> extends Part<infer T> ? T : never;

/** What a gatherer gets: the client, the signal window and a way to wait for another part. */
export interface GatherContext {
  client: ApiClient;
  window: Snapshot['window'];
  signal?: AbortSignal;
  /** Says a page of a long part arrived, so progress moves while 100,000 contacts stream in. */
  tick(): void;
  /**
   * Counts a record the answer held that does not have the documented shape: it is skipped, never
   * guessed at, and the part says how many were skipped (`unreadable`), so a result can say so.
   */
  unreadable?(count?: number): void;
  /** Resolves to another part's gathered value (used when one part decides whether another needs a request). */
  part<K extends PartName>(name: K): Promise<SnapshotParts[K] | undefined>;
}

/** Gathers one part of the Snapshot. Throws on failure; the orchestrator turns that into a failure value. */
export interface Gatherer<K extends PartName = PartName> {
  part: K;
  run(ctx: GatherContext): Promise<PartData<K>>;
}

/** Type helper so each gatherer keeps its own part's data type. */
export function gatherer<K extends PartName>(part: K, run: (ctx: GatherContext) => Promise<PartData<K>>): Gatherer<K> {
  return { part, run };
}

/** Adds one record to a count keyed by owner id (a missing owner counts as 0, "nobody"). */
export function countOwner(byOwner: Record<string, number>, owner: unknown): void {
  const key = String(owner ?? 0);
  byOwner[key] = (byOwner[key] ?? 0) + 1;
}
