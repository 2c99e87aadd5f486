import type { ApiClient, RunLimits } from '../api/client';
import { isAbortError, toPartFailure } from '../api/errors';
import type { Part, PartName, Snapshot, SnapshotParts } from './types';
import { GATHERERS } from './gatherers';
import type { GatherContext } from './gatherers/types';
import { type PartRequests, type TimeLeft, timeLeftTracker } from './time-left';

/** Progress of a gathering, for the panel's bar and the CLI's line. */
export interface GatherProgress {
  partsDone: number;
  partsTotal: number;
  requests: number;
  /** The part that just finished. */
  part?: PartName;
  /** The parts still being read (the data scan, once the setup parts are in) and their time left. */
  timeLeft: TimeLeft;
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
  /**
   * Requests each part cost the last time this account was gathered (the snapshot's `requests.byPart`):
   * the only source of "requests left", as lists carry no totals. Absent: no time-left estimate.
   */
  previous?: PartRequests | null;
  /** Monotonic clock of the rate, ms (default: performance.now). */
  clock?: () => number;
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
  const clock = options.clock ?? (() => performance.now());
  const tracker = timeLeftTracker({
    parts: wanted,
    previous: options.previous ?? null,
    limit: client.rateLimit,
    now: clock,
  });
  const gathered: Partial<Record<PartName, Part<unknown>>> = {};
  const snapshotOf = (parts: Partial<Record<PartName, Part<unknown>>>): Snapshot => ({
    schemaVersion: 1,
    takenAt: now.toISOString(),
    window,
    origin: { baseUrl: options.baseUrl ?? null },
    parts: parts as unknown as SnapshotParts,
    requests: {
      count: client.stats.requests - startRequests,
      retries: client.stats.retries - startRetries,
      // Only parts that loaded: a failed part's count says nothing about what reading it costs.
      byPart: tracker.counts(wanted.filter((p) => parts[p] && 'data' in parts[p])),
    },
  });

  const report = (part?: PartName) => {
    if (!options.onProgress) return;
    const requests = client.stats.requests - startRequests;
    options.onProgress({
      partsDone: done,
      partsTotal: wanted.length,
      requests,
      part,
      timeLeft: tracker.estimate(requests),
    });
  };
  // Each part reads through its own counting copy of the client, so the snapshot records what each cost.
  const skipped = new Map<PartName, number>();
  const ctxOf = (name: PartName): GatherContext => ({
    client: client.counting(tracker.tally(name)),
    window,
    signal: options.signal,
    tick: () => report(),
    unreadable: (count = 1) => skipped.set(name, (skipped.get(name) ?? 0) + count),
    part: (other) => (running.get(other) ?? Promise.resolve(undefined)) as never,
  });

  report();
  for (const name of wanted) {
    const gatherer = GATHERERS[name];
    running.set(
      name,
      gatherer
        .run(ctxOf(name))
        .then(
          (data) => {
            const unreadable = skipped.get(name) ?? 0;
            return unreadable > 0 ? { data, unreadable } : { data };
          },
          (err: unknown) => {
            if (isAbortError(err) || options.signal?.aborted) throw err;
            return { error: toPartFailure(err) };
          },
        )
        .then((part) => {
          done += 1;
          tracker.finish(name);
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
  return snapshotOf(Object.fromEntries(settled) as Partial<Record<PartName, Part<unknown>>>);
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
      // A part read again costs what it costs now; the others keep their last count.
      ...(snapshot.requests.byPart || fresh.requests.byPart
        ? { byPart: { ...snapshot.requests.byPart, ...fresh.requests.byPart } }
        : {}),
    },
  };
}
