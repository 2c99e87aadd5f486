import type { ApiClient } from '../api/client';
import { isAbortError } from '../api/errors';
import { createTranslator } from '../i18n/translate';
import { existingContacts, schemaFromSnapshot } from '../preflight/schema';
import type { ImportEntity, PreflightProgress, PreflightResult } from '../preflight/types';
import { gatherSnapshot, regatherParts, type GatherProgress } from '../snapshot/gather';
import type { Snapshot } from '../snapshot/types';
import type { Report } from '../audit/types';
import { fieldPartOf } from '../snapshot/types';
import { auditAccount, type AuditSettings } from './audit';
import type { DocumentEngine } from './document-engine';

/**
 * The configuration document. With an audit already in hand (the panel's last one) only the field groups
 * are read in addition, so the document shows exactly the findings on screen; without one the account is
 * audited first (the CLI's `export`).
 */
export async function configurationDocument(
  engine: DocumentEngine,
  opts: AuditSettings & {
    client: ApiClient;
    now?: () => Date;
    signal?: AbortSignal;
    onProgress?: (p: GatherProgress) => void;
    audited?: { snapshot: Snapshot; report: Report } | null;
  },
): Promise<Uint8Array> {
  const { snapshot, report } = opts.audited
    ? {
        snapshot: await regatherParts(opts.client, opts.audited.snapshot, ['fieldGroups'], {
          now: opts.now,
          signal: opts.signal,
        }),
        report: opts.audited.report,
      }
    : await auditAccount({ ...opts, extraParts: ['fieldGroups'] });
  return engine.buildConfigurationDocument({
    report,
    snapshot,
    lang: opts.lang,
    t: createTranslator(opts.dict, opts.lang),
  });
}

/** Progress of a pre-flight: first the account's schema and contacts, then the file's rows. */
export type PreflightRunProgress =
  | { stage: 'schema'; gather: GatherProgress }
  | { stage: 'contacts'; contacts: number; pages: number }
  | { stage: 'rows'; rows: PreflightProgress };

/** Checks an import file against the live account: its fields, users, pipelines and (contacts) existing contacts. */
export async function preflightImport(
  engine: DocumentEngine,
  opts: {
    client: ApiClient;
    file: Uint8Array;
    fileName: string;
    entity: ImportEntity;
    windowDays: number;
    signal?: AbortSignal;
    onProgress?: (p: PreflightRunProgress) => void;
  },
): Promise<PreflightResult> {
  const snapshot = await gatherSnapshot(opts.client, {
    parts: ['users', 'pipelines', fieldPartOf(opts.entity)],
    windowDays: opts.windowDays,
    signal: opts.signal,
    onProgress: (gather) => opts.onProgress?.({ stage: 'schema', gather }),
  });
  const existing =
    opts.entity === 'contacts'
      ? await existingContacts(opts.client, {
          signal: opts.signal,
          onProgress: (p) => opts.onProgress?.({ stage: 'contacts', ...p }),
        }).catch((err: unknown) => {
          // Without existing contacts the check still runs (the duplicate check says it was skipped); a cancel stops it.
          if (isAbortError(err) || opts.signal?.aborted) throw err;
          return undefined;
        })
      : undefined;
  const schema = schemaFromSnapshot(
    snapshot,
    opts.entity,
    existing ? { phones: existing.phones, emails: existing.emails } : undefined,
  );
  return engine.preflight({
    file: opts.file,
    fileName: opts.fileName,
    entity: opts.entity,
    schema,
    signal: opts.signal,
    onProgress: (rows) => opts.onProgress?.({ stage: 'rows', rows }),
  });
}

/** The import template of an entity: the exact field names, the owner column, drop-down lists. */
export async function importTemplate(
  engine: DocumentEngine,
  opts: AuditSettings & { client: ApiClient; entity: ImportEntity; windowDays: number },
): Promise<Uint8Array> {
  const snapshot = await gatherSnapshot(opts.client, {
    parts: ['users', 'pipelines', fieldPartOf(opts.entity)],
    windowDays: opts.windowDays,
  });
  return engine.buildImportTemplate({
    entity: opts.entity,
    schema: schemaFromSnapshot(snapshot, opts.entity),
    lang: opts.lang,
    t: createTranslator(opts.dict, opts.lang),
  });
}
