import type { ApiClient, RunLimits } from '../api/client';
import { isAbortError, toPartFailure } from '../api/errors';
import type { Part, PartName, Snapshot, SnapshotParts } from './types';
import { GATHERERS } from './gatherers';
import type { GatherContext } from './gatherers/types';

/** Progress of a gathering, for the panel's bar and the CLI's line. */
export interface GatherProgress {
  partsDone: number;
  partsTotal: number;
  requests: number;
  /** The part that just finished. */
  part?: PartName;
}

/** Options of one gathering. */
export interface GatherOptions {
  /** Parts to gather (an audit's: audit/parts.ts `AUDIT_PARTS`). */
  parts: readonly PartName[];
  windowDays: number;
  /** The snapshot's clock; rules never read another. */
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: GatherProgress) => void;
  /**
   * Called as each part completes, with the snapshot of the parts in so far (same clock and window as
   * the final one), so a face can show what is known while long parts still stream.
   */
  onPart?: (part: PartName, sofar: Snapshot) => void;
  baseUrl?: string | null;
  /** Bounds of this gathering (longest Retry-After, overall deadline); the client's own when absent. */
  limits?: RunLimits;
}

/**
 * Gathers the account once into a Snapshot. Parts run in parallel under the client's shared throttle;
 * a part that fails becomes a failure value and the others go on. Cancelling rejects with the abort error.
 */
export async function gatherSnapshot(unbounded: ApiClient, options: GatherOptions): Promise<Snapshot> {
  // Shares the throttle and the counters; only the waits and the deadline are this gathering's.
  const client = options.limits ? unbounded.bounded(options.limits) : unbounded;
  const now = (options.now ?? (() => new Date()))();
  const to = Math.floor(now.getTime() / 1000);
  const window = { from: to - options.windowDays * 86400, to, days: options.windowDays };
  // Started in the gatherers' order whatever the caller's, so a part another waits for is already running.
  const wanted = (Object.keys(GATHERERS) as PartName[]).filter((name) => options.parts.includes(name));
  const startRequests = client.stats.requests;
  const startRetries = client.stats.retries;
  const running = new Map<PartName, Promise<Part<unknown>>>();
  let done = 0;
  const gathered: Partial<Record<PartName, Part<unknown>>> = {};
  const snapshotOf = (parts: Partial<Record<PartName, Part<unknown>>>): Snapshot => ({
    schemaVersion: 1,
    takenAt: now.toISOString(),
    window,
    origin: { baseUrl: options.baseUrl ?? null },
    parts: parts as unknown as SnapshotParts,
    requests: { count: client.stats.requests - startRequests, retries: client.stats.retries - startRetries },
  });

  const report = (part?: PartName) =>
    options.onProgress?.({
      partsDone: done,
      partsTotal: wanted.length,
      requests: client.stats.requests - startRequests,
      part,
    });
  const ctx: GatherContext = {
    client,
    window,
    signal: options.signal,
    tick: () => report(),
    part: (name) => (running.get(name) ?? Promise.resolve(undefined)) as never,
  };

  report();
  for (const name of wanted) {
    const gatherer = GATHERERS[name];
    running.set(
      name,
      gatherer
        .run(ctx)
        .then(
          (data) => ({ data }),
          (err: unknown) => {
            if (isAbortError(err) || options.signal?.aborted) throw err;
            return { error: toPartFailure(err) };
          },
        )
        .then((part) => {
          done += 1;
          gathered[name] = part;
          if (options.onPart && !options.signal?.aborted) {
            try {
              options.onPart(name, snapshotOf({ ...gathered }));
            } catch {
              // Showing what is known so far must never cost the gathering itself.
            }
          }
          report(name);
          return part;
        }),
    );
  }
  const settled = await Promise.all(wanted.map(async (name) => [name, await running.get(name)!] as const));
  const parts = Object.fromEntries(settled) as unknown as SnapshotParts;
  return {
    schemaVersion: 1,
    takenAt: now.toISOString(),
    window,
    origin: { baseUrl: options.baseUrl ?? null },
    parts,
    requests: { count: client.stats.requests - startRequests, retries: client.stats.retries - startRetries },
  };
}

/** Re-gather some parts of an existing snapshot (before and after a fix), keeping the rest. */
export async function regatherParts(
  client: ApiClient,
  snapshot: Snapshot,
  parts: readonly PartName[],
  options: Omit<GatherOptions, 'parts' | 'windowDays'> & { windowDays?: number },
): Promise<Snapshot> {
  const fresh = await gatherSnapshot(client, {
    ...options,
    windowDays: options.windowDays ?? snapshot.window.days,
    parts,
  });
  return {
    ...fresh,
    parts: { ...snapshot.parts, ...fresh.parts },
    requests: {
      count: snapshot.requests.count + fresh.requests.count,
      retries: snapshot.requests.retries + fresh.requests.retries,
    },
  };
}
