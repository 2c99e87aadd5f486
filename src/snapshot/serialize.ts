import { migrateParts, migratePartRequests } from './migrate';
import type { Snapshot } from './types';

/** JSON text of a snapshot (stable key order as gathered). */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Parse a saved snapshot, refusing anything that is not one with a message saying why. */
export function parseSnapshot(text: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`not a snapshot: invalid JSON (${(err as Error).message})`);
  }
  const s = value as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object') throw new Error('not a snapshot: expected a JSON object');
  if (s.schemaVersion !== 1)
    throw new Error(`not a snapshot: schemaVersion must be 1 (got ${JSON.stringify(s.schemaVersion)})`);
  if (typeof s.takenAt !== 'string' || Number.isNaN(Date.parse(s.takenAt)))
    throw new Error('not a snapshot: takenAt must be an ISO date');
  if (!s.window || typeof s.window.from !== 'number' || typeof s.window.to !== 'number')
    throw new Error('not a snapshot: window.from/to missing');
  if (!s.parts || typeof s.parts !== 'object') throw new Error('not a snapshot: parts missing');
  for (const [name, part] of Object.entries(s.parts)) {
    if (!part || typeof part !== 'object' || (!('data' in part) && !('error' in part))) {
      throw new Error(`not a snapshot: parts.${name} must hold "data" or "error"`);
    }
  }
  const requests = s.requests ?? { count: 0, retries: 0 };
  const byPart = requests.byPart && migratePartRequests(requests.byPart as Record<string, number>);
  return {
    ...s,
    // A snapshot saved before the In use area reads as this version's parts (see migrate.ts).
    parts: migrateParts(s.parts as unknown as Record<string, unknown>),
    requests: byPart ? { ...requests, byPart } : requests,
    origin: s.origin ?? { baseUrl: null },
  } as unknown as Snapshot;
}
