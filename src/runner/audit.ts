import type { ApiClient } from '../api/client';
import { runLimits } from '../audit/baseline/limits';
import type { Baseline } from '../audit/baseline/types';
import { AUDIT_PARTS } from '../audit/parts';
import { runAudit } from '../audit/run';
import { RULES } from '../audit/registry';
import type { Report, Rule } from '../audit/types';
import type { Dictionary, Lang } from '../i18n/translate';
import { gatherSnapshot, type GatherProgress } from '../snapshot/gather';
import type { PartName, Snapshot } from '../snapshot/types';
import type { PartRequests } from '../snapshot/time-left';

/** What every audit needs besides the account. */
export interface AuditSettings {
  baseline: Baseline;
  lang: Lang;
  dict: Dictionary;
}

/** Options of one gathering + audit. */
export interface AuditRun extends AuditSettings {
  client: ApiClient;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: GatherProgress) => void;
  /** What each part cost the last time this account was gathered (the progress's time left). */
  previous?: PartRequests | null;
  /** Each part as it completes, with the snapshot of the parts in so far. */
  onPart?: (part: PartName, sofar: Snapshot) => void;
  /** Extra parts beyond the rules' (the configuration document wants field groups). */
  extraParts?: PartName[];
  baseUrl?: string | null;
}

/** gather → Snapshot → audit → Report, the one direction every face uses. */
export async function auditAccount(run: AuditRun): Promise<{ snapshot: Snapshot; report: Report }> {
  const snapshot = await gatherSnapshot(run.client, {
    parts: [...AUDIT_PARTS, ...(run.extraParts ?? [])],
    windowDays: run.baseline.thresholds.signalWindowDays,
    limits: runLimits(run.baseline),
    now: run.now,
    signal: run.signal,
    onProgress: run.onProgress,
    previous: run.previous ?? null,
    ...(run.onPart ? { onPart: run.onPart } : {}),
    baseUrl: run.baseUrl,
  });
  return { snapshot, report: auditSnapshot(snapshot, run) };
}

/**
 * Audit a snapshot already in hand (saved file, after a fix's re-gather); results carry their fix's kind
 * and size. `rules` narrows it to some rules (a provisional report over the parts gathered so far).
 */
export function auditSnapshot(snapshot: Snapshot, settings: AuditSettings, rules: readonly Rule[] = RULES): Report {
  return runAudit(snapshot, { baseline: settings.baseline, lang: settings.lang, dict: settings.dict, rules });
}
