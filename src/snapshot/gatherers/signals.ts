import type { EventDto, HalList, NoteDto, UnsortedDto, WebsiteButtonDto } from '../../api/dto';
import type { EventSignal, NoteSignal, UnsortedSignal } from '../types';
import { gatherer } from './types';

const SIGNAL_EVENTS = ['incoming_call', 'outgoing_call', 'incoming_chat_message'] as const;
const SIGNAL_NOTES = ['amomail_message', 'call_in', 'call_out'];

function sortedDistinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter(Boolean))].sort();
}

/**
 * The newest page of unsorted items (no created_at filter is documented for the list, so it is ordered
 * newest first and cut at the window). One request answers every category, names the chat services and
 * lists what still waits to be sorted (the items the list holds, with their arrival).
 */
export const unsorted = gatherer(
  'unsorted',
  async ({ client, window, signal, unreadable }): Promise<UnsortedSignal> => {
    const limit = 250;
    const page = await client.get<HalList<'unsorted', UnsortedDto>>('/api/v4/leads/unsorted', {
      query: { 'order[created_at]': 'desc', limit },
      signal,
    });
    const items = page?._embedded?.unsorted ?? [];
    const counts = { sip: 0, mail: 0, forms: 0, chats: 0 };
    const services: string[] = [];
    const waiting: UnsortedSignal['waiting'] = [];
    let oldestInWindow = true;
    for (const item of items) {
      // An item without its integer `created_at` cannot say how long it waits: skipped and counted.
      if (!item || typeof item !== 'object' || !Number.isInteger(item.created_at)) {
        unreadable?.();
        continue;
      }
      const created = item.created_at;
      waiting.push({ category: String(item.category), createdAt: created });
      if (!(created >= window.from && created <= window.to)) {
        oldestInWindow = created > window.to;
        continue;
      }
      const category = item.category as keyof typeof counts;
      if (category in counts) counts[category] += 1;
      if (category === 'chats') {
        const service = item.metadata?.service ?? item.metadata?.source_name ?? item.source_name;
        if (typeof service === 'string') services.push(service);
      }
    }
    // More may wait beyond this page when it links a next one, or (the harsh reading: a server may leave the
    // link out) when it is full.
    const more = items.length >= limit || !!page?._links?.next;
    waiting.sort((a, b) => a.createdAt - b.createdAt);
    return { counts, chatServices: sortedDistinct(services), complete: !(more && oldestInWindow), waiting, more };
  },
);

/**
 * Signal events in the window: one request for all types (limit 100, the events maximum); only when that
 * page is full is each type not yet seen asked for again with limit=1.
 */
export const events = gatherer('events', async ({ client, window, signal }): Promise<EventSignal> => {
  const range = { 'filter[created_at][from]': window.from, 'filter[created_at][to]': window.to };
  const first = await client.get<HalList<'events', EventDto>>('/api/v4/events', {
    query: { ...range, 'filter[type][]': [...SIGNAL_EVENTS], limit: 100 },
    signal,
  });
  const counts = { incoming_call: 0, outgoing_call: 0, incoming_chat_message: 0 };
  for (const e of first?._embedded?.events ?? []) {
    if (e && e.type in counts) counts[e.type as keyof typeof counts] += 1;
  }
  const complete = !first?._links?.next;
  if (!complete) {
    for (const type of SIGNAL_EVENTS.filter((t) => counts[t] === 0)) {
      const probe = await client.get<HalList<'events', EventDto>>('/api/v4/events', {
        query: { ...range, 'filter[type][]': [type], limit: 1 },
        signal,
      });
      counts[type] = probe?._embedded?.events?.length ?? 0;
    }
  }
  return { counts, complete };
});

/** Mail and call notes on leads and contacts updated in the window (one page each). */
export const notes = gatherer('notes', async ({ client, window, signal }): Promise<NoteSignal> => {
  const query = {
    'filter[note_type][]': SIGNAL_NOTES,
    'filter[updated_at][from]': window.from,
    'filter[updated_at][to]': window.to,
    limit: 250,
  };
  const pages = await Promise.all(
    ['leads', 'contacts'].map((entity) =>
      client.get<HalList<'notes', NoteDto>>(`/api/v4/${entity}/notes`, { query, signal }),
    ),
  );
  let amomailMessages = 0;
  let calls = 0;
  const sources: string[] = [];
  for (const note of pages.flatMap((p) => p?._embedded?.notes ?? [])) {
    if (note?.note_type === 'amomail_message') amomailMessages += 1;
    else if (note?.note_type === 'call_in' || note?.note_type === 'call_out') {
      calls += 1;
      const source = note.params?.source;
      if (typeof source === 'string') sources.push(source);
    }
  }
  return {
    amomailMessages,
    calls,
    callSources: sortedDistinct(sources),
    complete: pages.every((p) => !p?._links?.next),
  };
});

/** The account's CRM Plugin site buttons (account-wide, unlike /sources). */
export const websiteButtons = gatherer('websiteButtons', ({ client, signal }) =>
  client.list<WebsiteButtonDto>('/api/v4/website_buttons', 'website_buttons', { signal }),
);
