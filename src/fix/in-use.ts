/**
 * Is what undo would delete still empty? A stage the fix added may now hold deals, a field it created
 * may now hold values. List filters are never trusted: they belong to an opt-in (paid) account feature
 * (`account?with=is_api_filter_enabled`), and where it is off the server may ignore them and answer with
 * other records. Every returned record is checked against what was asked; where the server does not
 * filter, the records are read page by page and filtered here, up to a bound.
 */
import type { ApiClient } from '../api/client';
import type { AccountDto } from '../api/dto';

/** Pages of 250 read at most to prove a stage or field empty (10,000 records); past that, undo leaves it. */
export const EMPTY_CHECK_MAX_PAGES = 40;

/** `true` it is in use, `false` it is provably empty, `unknown` the bound was reached first. */
export type InUse = true | false | 'unknown';

/** The account as undo needs it: its id (the journal's entries name it) and whether filters work. */
export interface AccountFacts {
  id: number;
  subdomain: string;
  filterEnabled: boolean;
}

/** Reads `GET /api/v4/account?with=is_api_filter_enabled`. */
export async function accountFacts(client: ApiClient, signal?: AbortSignal): Promise<AccountFacts | null> {
  const account = await client.get<AccountDto>('/api/v4/account', {
    query: { with: 'is_api_filter_enabled' },
    signal,
  });
  if (!account || typeof account.id !== 'number') return null;
  return { id: account.id, subdomain: account.subdomain, filterEnabled: account.is_api_filter_enabled === true };
}

/** Scans a list page by page for a record that `matches`; stops at the first, or at the bound. */
async function scan<T>(
  client: ApiClient,
  path: string,
  collection: string,
  query: Record<string, string | number>,
  matches: (record: T) => boolean,
  signal: AbortSignal | undefined,
  onOther?: () => boolean,
): Promise<InUse | 'unfiltered'> {
  let pages = 0;
  for await (const page of client.pages<T>(path, collection, { query, signal })) {
    if (++pages > EMPTY_CHECK_MAX_PAGES) return 'unknown';
    for (const record of page) {
      if (matches(record)) return true;
      if (onOther?.()) return 'unfiltered';
    }
  }
  return false;
}

type LeadRow = { id: number; pipeline_id?: number; status_id?: number };

/** True when a deal sits in the stage. */
export async function stageInUse(
  client: ApiClient,
  facts: AccountFacts,
  pipelineId: number,
  statusId: number,
  signal?: AbortSignal,
): Promise<InUse> {
  const inStage = (l: LeadRow) => l.pipeline_id === pipelineId && l.status_id === statusId;
  if (facts.filterEnabled) {
    // A filtering server answers only deals of the stage; the first other deal shows it does not.
    const filtered = await scan<LeadRow>(
      client,
      '/api/v4/leads',
      'leads',
      { 'filter[statuses][0][pipeline_id]': pipelineId, 'filter[statuses][0][status_id]': statusId },
      inStage,
      signal,
      () => true,
    );
    if (filtered !== 'unfiltered') return filtered;
  }
  const all = await scan<LeadRow>(client, '/api/v4/leads', 'leads', {}, inStage, signal);
  return all === 'unfiltered' ? 'unknown' : all;
}

type ValuesRow = { custom_fields_values?: { field_id: number }[] | null };

/** True when some record of the entity holds a value in the field (no documented filter asks "has any value"). */
export async function fieldInUse(
  client: ApiClient,
  entity: string,
  fieldId: number,
  signal?: AbortSignal,
): Promise<InUse> {
  const holds = (r: ValuesRow) => r.custom_fields_values?.some((v) => v.field_id === fieldId) === true;
  const found = await scan<ValuesRow>(client, `/api/v4/${entity}`, entity, {}, holds, signal);
  return found === 'unfiltered' ? 'unknown' : found;
}

/** Whether any deal (open or closed) is in the pipeline a document created; every returned deal is checked. */
export async function pipelineInUse(
  client: ApiClient,
  facts: AccountFacts,
  pipelineId: number,
  signal?: AbortSignal,
): Promise<InUse> {
  const inPipeline = (l: LeadRow) => l.pipeline_id === pipelineId;
  if (facts.filterEnabled) {
    const filtered = await scan<LeadRow>(
      client,
      '/api/v4/leads',
      'leads',
      { 'filter[pipeline_id]': pipelineId },
      inPipeline,
      signal,
      () => true,
    );
    if (filtered !== 'unfiltered') return filtered;
  }
  const all = await scan<LeadRow>(client, '/api/v4/leads', 'leads', {}, inPipeline, signal);
  return all === 'unfiltered' ? 'unknown' : all;
}

/** Whether some user holds the role a document created (deleting it would change their rights). */
export async function roleInUse(client: ApiClient, roleId: number, signal?: AbortSignal): Promise<boolean> {
  const users = await client.list<{ rights?: { role_id?: number | null } }>('/api/v4/users', 'users', { signal });
  return users.some((u) => u.rights?.role_id === roleId);
}
