import type { CompanyDto, ContactDto, HalList } from '../../api/dto';
import { DuplicateIndex } from '../duplicates';
import { valuesByCode } from '../contact-values';
import type { ContactsView } from '../types';
import { countOwner, gatherer } from './types';

const SAMPLE = 500;

/** Streams every contact page into the derived view (owners, channel-less contacts, duplicates). */
export const contacts = gatherer('contacts', async ({ client, signal, tick }): Promise<ContactsView> => {
  const index = new DuplicateIndex();
  const names: Record<string, string> = {};
  const view: ContactsView = {
    total: 0,
    byOwner: {},
    withoutChannels: { count: 0, sampleIds: [] },
    duplicates: [],
    names,
  };
  // Any contact with a phone or email may turn out to be a duplicate only pages later: its name is kept until
  // the groups are known, then only the grouped ones stay.
  const reachable = new Map<number, string>();
  for await (const page of client.pages<ContactDto>('/api/v4/contacts', 'contacts', { signal })) {
    for (const c of page) {
      if (!c || typeof c.id !== 'number') continue;
      view.total += 1;
      countOwner(view.byOwner, c.responsible_user_id);
      const phones = valuesByCode(c.custom_fields_values, 'PHONE');
      const emails = valuesByCode(c.custom_fields_values, 'EMAIL');
      const name = nameOf(c);
      if (phones.length === 0 && emails.length === 0) {
        view.withoutChannels.count += 1;
        if (view.withoutChannels.sampleIds.length < SAMPLE) {
          view.withoutChannels.sampleIds.push(c.id);
          if (name) names[c.id] = name;
        }
      } else if (name) reachable.set(c.id, name);
      index.add(c.id, phones, emails);
    }
    tick();
  }
  view.duplicates = index.groups();
  for (const group of view.duplicates) {
    for (const id of group.contactIds) {
      const name = reachable.get(id);
      if (name) names[id] = name;
    }
  }
  return view;
});

/** The contact's name as the CRM shows it; an empty string when it has none (or the API sent something else). */
function nameOf(c: ContactDto): string {
  return typeof c.name === 'string' ? c.name.trim() : '';
}

/**
 * Whether companies exist: only needed when there are no contacts (the rule asks for "no contacts and no
 * companies"), so with contacts present no request is made and the count is marked inexact.
 */
export const companies = gatherer('companies', async (ctx) => {
  const known = await ctx.part('contacts');
  if (known && 'data' in known && known.data.total > 0) return { total: 0, exact: false };
  const page = await ctx.client.get<HalList<'companies', CompanyDto>>('/api/v4/companies', {
    query: { limit: 1 },
    signal: ctx.signal,
  });
  const found = page?._embedded?.companies?.length ?? 0;
  return { total: found, exact: found === 0 };
});
