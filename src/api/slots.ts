/**
 * One request window per account across tabs and processes. amoCRM counts the requests of an integration,
 * not of one tab or one CLI run, so every face on one account takes its slot from one shared record: at most
 * `limit` requests may be in flight or answered within the last window. A request holds its slot from its
 * start (no later than its arrival) until a window after its answer (no earlier than its arrival), so no
 * `limit + 1` arrivals can ever share one second of the server's clock, whatever the latency.
 */

/** One occupied slot. */
export interface SlotEntry {
  id: string;
  /** Until when the slot counts, ms: a window after the answer, or the stale guard while in flight. */
  until: number;
  /** True while the request has no answer yet (its `until` is only the guard against a crashed holder). */
  inFlight: boolean;
}

/** The shared record of one account. */
export interface SlotState {
  entries: SlotEntry[];
  /** Nobody starts before this (after a 429 with Retry-After), ms. */
  holdUntil: number;
}

/** A slot taken, or how long to wait before asking again. */
export type SlotVerdict = { id: string } | { waitMs: number };

/** A store of one account's slots; every method is atomic with respect to every other holder. */
export interface SlotStore {
  /** Takes a slot at `now` when fewer than `limit` are occupied (and no hold is on). */
  take(now: number, limit: number): Promise<SlotVerdict>;
  /** The request was answered: its slot counts until `until`. */
  release(id: string, until: number): Promise<void>;
  /** Nobody on this account starts before `until`. */
  hold(until: number): Promise<void>;
}

/** A holder that crashed mid-request frees its slot after this long (longer than any attempt may last). */
export const IN_FLIGHT_GUARD_MS = 60_000;
/** How often to look again when every slot waits for an answer seen by another holder (no event crosses processes). */
export const POLL_MS = 25;

/** An empty record. */
export function emptySlots(): SlotState {
  return { entries: [], holdUntil: 0 };
}

/** Reads a stored record leniently: anything unreadable counts as empty (the window only gets looser by it). */
export function parseSlots(text: string | null): SlotState {
  if (!text) return emptySlots();
  try {
    const raw = JSON.parse(text) as Partial<SlotState>;
    const entries = Array.isArray(raw.entries)
      ? raw.entries.filter(
          (e): e is SlotEntry =>
            typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.until === 'number',
        )
      : [];
    return { entries, holdUntil: typeof raw.holdUntil === 'number' ? raw.holdUntil : 0 };
  } catch {
    return emptySlots();
  }
}

/** The decision on one record (pure): the new record and the verdict. */
export function decide(
  state: SlotState,
  now: number,
  limit: number,
  id: string,
): { state: SlotState; verdict: SlotVerdict } {
  const entries = state.entries.filter((e) => e.until > now);
  if (state.holdUntil > now) return { state: { ...state, entries }, verdict: { waitMs: state.holdUntil - now } };
  if (entries.length < limit) {
    const taken: SlotEntry = { id, until: now + IN_FLIGHT_GUARD_MS, inFlight: true };
    return { state: { ...state, entries: [...entries, taken] }, verdict: { id } };
  }
  const answered = entries.filter((e) => !e.inFlight).map((e) => e.until);
  const next = answered.length ? Math.min(...answered) - now : POLL_MS;
  return { state: { ...state, entries }, verdict: { waitMs: Math.max(1, Math.min(next, POLL_MS * 4)) } };
}

/** Marks a slot answered (pure). */
export function released(state: SlotState, id: string, until: number): SlotState {
  return { ...state, entries: state.entries.map((e) => (e.id === id ? { id, until, inFlight: false } : e)) };
}

let counter = 0;
/** A slot id unique across holders (random part) and within one (counter). */
export function slotId(): string {
  counter = (counter + 1) % 1e9;
  return `${Math.random().toString(36).slice(2, 10)}-${counter}`;
}

/** A store over a read-modify-write of one record guarded by `exclusive` (a lock file, a Web Lock, a mutex). */
export function lockedStore(
  exclusive: <T>(work: () => T) => Promise<T>,
  read: () => SlotState,
  write: (state: SlotState) => void,
): SlotStore {
  return {
    take: (now, limit) =>
      exclusive(() => {
        const { state, verdict } = decide(read(), now, limit, slotId());
        write(state);
        return verdict;
      }),
    release: (id, until) => exclusive(() => write(released(read(), id, until))),
    hold: (until) =>
      exclusive(() => {
        const state = read();
        write({ ...state, holdUntil: Math.max(state.holdUntil, until) });
      }),
  };
}

/** An in-memory store: every client given it shares one window (tests, and tabs of one page context). */
export function memorySlotStore(): SlotStore & { readonly state: SlotState } {
  let state = emptySlots();
  const store = lockedStore(
    async (work) => work(),
    () => state,
    (next) => {
      state = next;
    },
  );
  return {
    ...store,
    get state() {
      return state;
    },
  };
}

/** Where the shared stores come from: one per account key, registered once by the face (CLI, panel). */
export type SlotStoreFactory = (account: string) => SlotStore;

let registered: SlotStoreFactory | null = null;
const stores = new Map<string, SlotStore>();

/** Registers (or, with null, removes) the store factory every shared throttle uses for its accounts. */
export function useSharedSlots(factory: SlotStoreFactory | null): void {
  registered = factory;
  stores.clear();
}

/** The registered store of an account, if a face registered a factory. */
export function sharedSlotsFor(account: string): SlotStore | null {
  if (!registered) return null;
  let store = stores.get(account);
  if (!store) {
    store = registered(account);
    stores.set(account, store);
  }
  return store;
}
