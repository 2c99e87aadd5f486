import type { ContactDto, CustomFieldDto, PipelineDto, UserDto } from '../api/dto';
import { fieldPartOf, type Snapshot } from '../snapshot/types';
import type { ImportEntity, PreflightSchema } from './types';
import { normalizeEmail, normalizePhone } from '../audit/normalize';
import { valuesByCode } from '../snapshot/contact-values';

/** The pre-flight schema from a snapshot's parts; failed parts are listed as unavailable. */
export function schemaFromSnapshot(
  snapshot: Snapshot,
  entity: ImportEntity,
  existing?: PreflightSchema['existing'],
): PreflightSchema {
  const p = snapshot.parts;
  const unavailable: NonNullable<PreflightSchema['unavailable']> = [];
  const fieldsPart = p[fieldPartOf(entity)];
  let fields: CustomFieldDto[] = [];
  if ('data' in fieldsPart) fields = fieldsPart.data;
  else unavailable.push('fields');
  let users: UserDto[] = [];
  if ('data' in p.users) users = p.users.data;
  else unavailable.push('users');
  let pipelines: PipelineDto[] = [];
  if ('data' in p.pipelines) pipelines = p.pipelines.data;
  else unavailable.push('pipelines');
  const schema: PreflightSchema = { fields, users, pipelines };
  if (existing) schema.existing = existing;
  if (unavailable.length) schema.unavailable = unavailable;
  return schema;
}

/** The part of the API client existingContacts needs (ApiClient satisfies it). */
export interface ContactPager {
  pages<T>(path: string, collection: string, opts?: { signal?: AbortSignal; limit?: number }): AsyncGenerator<T[]>;
}

/**
 * Normalised phones and emails of all existing contacts, streamed page by page (250 a page)
 * so only the two sets are kept, with progress after each page.
 */
export async function existingContacts(
  client: ContactPager,
  opts: { signal?: AbortSignal; onProgress?: (p: { contacts: number; pages: number }) => void } = {},
): Promise<{ phones: Set<string>; emails: Set<string>; total: number }> {
  const phones = new Set<string>();
  const emails = new Set<string>();
  let total = 0;
  let pages = 0;
  for await (const page of client.pages<ContactDto>('/api/v4/contacts', 'contacts', {
    limit: 250,
    signal: opts.signal,
  })) {
    for (const c of page) {
      for (const v of valuesByCode(c.custom_fields_values, 'PHONE')) {
        const n = normalizePhone(String(v));
        if (n) phones.add(n);
      }
      for (const v of valuesByCode(c.custom_fields_values, 'EMAIL')) {
        const n = normalizeEmail(String(v));
        if (n) emails.add(n);
      }
    }
    total += page.length;
    pages++;
    opts.onProgress?.({ contacts: total, pages });
  }
  return { phones, emails, total };
}
