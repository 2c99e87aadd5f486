import type { ApiClient } from '../api/client';
import { buildConfigurationDocument } from '../export/document';
import { createTranslator } from '../i18n/translate';
import { existingContacts, schemaFromSnapshot } from '../preflight/schema';
import { preflight } from '../preflight/preflight';
import { buildImportTemplate } from '../preflight/template';
import type { ImportEntity, PreflightProgress, PreflightResult } from '../preflight/types';
import { gatherSnapshot, type GatherProgress } from '../snapshot/gather';
import type { PartName } from '../snapshot/types';
import { auditAccount, type AuditSettings } from './audit';

const FIELD_PART: Record<ImportEntity, PartName> = { leads: 'leadFields', contacts: 'contactFields', companies: 'companyFields' };

/** The configuration document of the account as it is now (audits it on the way: the document holds the findings). */
export async function configurationDocument(opts: AuditSettings & {
  client: ApiClient; now?: () => Date; signal?: AbortSignal; onProgress?: (p: GatherProgress) => void;
}): Promise<Uint8Array> {
  const { snapshot, report } = await auditAccount({ ...opts, extraParts: ['fieldGroups'] });
  return buildConfigurationDocument({ report, snapshot, lang: opts.lang, t: createTranslator(opts.dict, opts.lang) });
}

/** Progress of a pre-flight: first the account's schema and contacts, then the file's rows. */
export type PreflightRunProgress =
  | { stage: 'schema'; gather: GatherProgress }
  | { stage: 'contacts'; contacts: number; pages: number }
  | { stage: 'rows'; rows: PreflightProgress };

/** Checks an import file against the live account: its fields, users, pipelines and (contacts) existing contacts. */
export async function preflightImport(opts: {
  client: ApiClient; file: Uint8Array; fileName: string; entity: ImportEntity; windowDays: number;
  signal?: AbortSignal; onProgress?: (p: PreflightRunProgress) => void;
}): Promise<PreflightResult> {
  const snapshot = await gatherSnapshot(opts.client, {
    parts: ['users', 'pipelines', FIELD_PART[opts.entity]], windowDays: opts.windowDays, signal: opts.signal,
    onProgress: (gather) => opts.onProgress?.({ stage: 'schema', gather }),
  });
  const existing = opts.entity === 'contacts'
    ? await existingContacts(opts.client, {
      signal: opts.signal, onProgress: (p) => opts.onProgress?.({ stage: 'contacts', ...p }),
    }).catch(() => undefined)
    : undefined;
  const schema = schemaFromSnapshot(snapshot, opts.entity, existing ? { phones: existing.phones, emails: existing.emails } : undefined);
  
  return preflight({
    file: opts.file, fileName: opts.fileName, entity: opts.entity, schema,
    onProgress: (rows) => opts.onProgress?.({ stage: 'rows', rows }),
  });
}

/** The import template of an entity: the exact field names, the owner column, drop-down lists. */
export async function importTemplate(opts: AuditSettings & { client: ApiClient; entity: ImportEntity; windowDays: number }): Promise<Uint8Array> {
  const snapshot = await gatherSnapshot(opts.client, { parts: ['users', 'pipelines', FIELD_PART[opts.entity]], windowDays: opts.windowDays });
  return buildImportTemplate({
    entity: opts.entity, schema: schemaFromSnapshot(snapshot, opts.entity), lang: opts.lang, t: createTranslator(opts.dict, opts.lang),
  });
}
