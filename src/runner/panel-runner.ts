import type { ApiClient } from '../api/client';
import { RULES } from '../audit/registry';
import type { Message, Report } from '../audit/types';
import {
  applyFixes,
  createLock,
  displayValue,
  Journal,
  journalToJson,
  localJournalStorage,
  planFor,
  undoFixes,
  type KeyValueStorage,
  type OpReport,
} from '../fix';
import { createTranslator, type Translate } from '../i18n/translate';
import { regatherParts } from '../snapshot/gather';
import type { PartName, Snapshot } from '../snapshot/types';
import type {
  ApplyOutcome,
  JournalEntry,
  ManualTick,
  OpResult,
  PanelRunner,
  PlanPreview,
  PreflightProgressView,
  UndoConflict,
  UndoOutcome,
} from '../ui/runner-port';
import { auditAccount, auditSnapshot, type AuditSettings } from './audit';
import { reportToJson } from '../export/json';
import { cachedLoader, type LoadDocumentEngine } from './document-engine';
import { configurationDocument, importTemplate, preflightImport, type PreflightRunProgress } from './documents';
import { downloadFile } from './download';
import { tickStore } from './ticks';

/** What the widget knows about where it runs. */
export interface PanelRunnerDeps extends AuditSettings {
  client: ApiClient;
  /** Per-account key for the journal, ticks and lock (the account id). */
  accountKey: string;
  user: { id: number; name: string };
  isAdmin: boolean;
  storage: KeyValueStorage;
  download?: (name: string, data: Uint8Array | string, mime: string) => void;
  /** The document engine (XLSX, pre-flight), loaded on first use: the widget fetches documents.js. */
  documents: LoadDocumentEngine;
  now?: () => Date;
}

function opMessage(op: OpReport, t: Translate): string | undefined {
  if (op.error) return [op.error.message, ...(op.error.details ?? [])].join('; ');
  return op.reason ? t(op.reason.key, op.reason.params) : undefined;
}

function toOpResult(op: OpReport, t: Translate): OpResult {
  // Undo's `skipped` (nothing to restore) and `conflict` (left untouched) changed nothing: show them as not attempted, with why.
  const status = op.status === 'applied' || op.status === 'failed' ? op.status : 'not-attempted';
  const message = opMessage(op, t);
  return { ruleId: op.ruleId, index: op.index, summary: op.summary, status, ...(message ? { message } : {}) };
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function progressView(p: PreflightRunProgress): PreflightProgressView {
  if (p.stage === 'schema') return { stage: 'schema', done: p.gather.partsDone, total: p.gather.partsTotal };
  if (p.stage === 'contacts') return { stage: 'contacts', done: p.contacts, total: null };
  // Reading is reported in bytes: the panel shows the stage only.
  return { stage: p.rows.phase, done: p.rows.done, total: p.rows.total };
}

/** The file name without its extension, kept to safe characters (it names the report). */
function baseName(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}_-]+/gu, '_')
      .slice(0, 60) || 'import'
  );
}

/**
 * The panel's side of the pipeline in the widget: the same runner steps as the CLI, with the journal,
 * ticks and the two-tab lock in this account's localStorage. Nothing leaves the browser but calls to
 * the account's own API.
 */
export function createPanelRunner(deps: PanelRunnerDeps): PanelRunner {
  const t = createTranslator(deps.dict, deps.lang);
  const journal = new Journal(localJournalStorage(deps.accountKey, deps.storage), {
    by: deps.user.name,
    now: deps.now,
  });
  const lock = createLock({ storage: deps.storage, key: `setup-audit:fix-lock:${deps.accountKey}` });
  const ticks = tickStore(deps.storage, deps.accountKey);
  const documents = cachedLoader(deps.documents);
  const download = deps.download ?? downloadFile;
  let snapshot: Snapshot | null = null;
  let report: Report | null = null;
  /** The snapshot an apply left behind (touched parts re-read), for the re-audit that follows it. */
  let fixedSnapshot: Snapshot | null = null;

  const titleOf = (ruleId: string) =>
    report?.results.find((r) => r.ruleId === ruleId)?.title ?? t(`rules.${ruleId}.fail`);
  const requiresOf = (ruleIds: string[]): PartName[] => [
    ...new Set(RULES.filter((r) => ruleIds.includes(r.meta.id)).flatMap((r) => r.meta.requires)),
  ];
  const current = async (): Promise<Snapshot> => {
    if (!snapshot) throw new Error(t('ui.fix.error'));
    return snapshot;
  };
  const refusedText = (message: Message) => t(message.key, message.params);

  return {
    canFix: deps.isAdmin,
    whyNoFix: deps.isAdmin ? undefined : t('fix.refused.not-admin'),

    async runAudit({ signal, onProgress, afterFix }) {
      // The executor re-read every part the fix touched right after applying: audit that, no second gather.
      if (afterFix && fixedSnapshot) {
        snapshot = fixedSnapshot;
        fixedSnapshot = null;
        report = auditSnapshot(snapshot, deps);
        return report;
      }
      const result = await auditAccount({ ...deps, signal, onProgress, now: deps.now });
      snapshot = result.snapshot;
      report = result.report;
      return result.report;
    },

    async previewFix(ruleIds) {
      // Plans come from the account as it is now, not as it was at the last audit.
      const fresh = await regatherParts(deps.client, await current(), requiresOf(ruleIds), { now: deps.now });
      snapshot = fresh;
      return ruleIds.map((ruleId): PlanPreview => {
        const plan = planFor(ruleId, fresh, deps.baseline, deps.lang);
        const kind = RULES.find((r) => r.meta.id === ruleId)?.meta.fix ?? 'confirm';
        return {
          ruleId,
          title: titleOf(ruleId),
          kind: plan?.kind ?? kind,
          ops: (plan?.ops ?? []).map((op) => ({ method: op.method, path: op.path, summary: op.summary })),
        };
      });
    },

    async applyFix(ruleIds, { onOp }): Promise<ApplyOutcome> {
      const outcome = await applyFixes({
        client: deps.client,
        ruleIds,
        snapshot: await current(),
        baseline: deps.baseline,
        lang: deps.lang,
        journal,
        lock,
        isAdmin: deps.isAdmin,
        confirmed: true,
        now: deps.now,
        onOp: (op) => onOp(toOpResult(op, t)),
      });
      if (outcome.status === 'refused') throw new Error(refusedText(outcome.message));
      snapshot = outcome.snapshot;
      fixedSnapshot = outcome.snapshot;
      const ops = outcome.plans.flatMap((p) => p.ops.map((op) => toOpResult(op, t)));
      const entryId = outcome.plans.find((p) => p.entryId)?.entryId ?? null;
      const notes = outcome.plans.flatMap((p) => [
        ...(p.reason ? [refusedText(p.reason)] : []),
        ...p.manual.map(refusedText),
      ]);
      const headline = outcome.status === 'done' ? null : t(`fix.outcome.${outcome.status}`);
      const notice = [headline, ...notes].filter(Boolean).join(' · ') || null;
      return { ops, journalEntryId: entryId, notice };
    },

    async undo(entryIds, { onOp }): Promise<UndoOutcome> {
      const outcome = await undoFixes({
        client: deps.client,
        journal,
        lock,
        isAdmin: deps.isAdmin,
        entryIds,
        onOp: (op) => onOp(toOpResult(op, t)),
      });
      if (outcome.status === 'refused') throw new Error(refusedText(outcome.message));
      const entries = journal.entries();
      const conflicts: UndoConflict[] = outcome.conflicts.map((c) => ({
        entryId: entries.find((e) => entryIds.includes(e.id) && e.ruleId === c.ruleId)?.id ?? entryIds[0] ?? '',
        summary: c.summary,
        expected: displayValue(c.expected),
        actual: displayValue(c.actual),
      }));
      return { ops: outcome.ops.map((op) => toOpResult(op, t)), conflicts };
    },

    async history(): Promise<JournalEntry[]> {
      return journal
        .entries()
        .filter((e) => e.kind === 'fix')
        .reverse()
        .map((e) => ({
          id: e.id,
          batchId: e.batchId,
          ruleId: e.ruleId,
          title: titleOf(e.ruleId),
          appliedAt: e.appliedAt,
          by: e.by,
          ops: e.ops.map((o) => ({ summary: o.op.summary, status: 'applied' as const })),
          undoneAt: e.undoneAt,
        }));
    },

    async downloadJournal() {
      download(`setup-audit-journal-${deps.accountKey}.json`, journalToJson(journal.entries()), 'application/json');
    },

    async downloadReport() {
      if (!report) throw new Error(t('ui.empty'));
      download(`setup-audit-report-${deps.accountKey}.json`, reportToJson(report), 'application/json');
    },

    async downloadDocument() {
      const audited = snapshot && report ? { snapshot, report } : null;
      const bytes = await configurationDocument(await documents(), { ...deps, now: deps.now, audited });
      download(`setup-audit-${deps.accountKey}.xlsx`, bytes, XLSX_MIME);
    },

    async preflight(file, entity, { signal, onProgress }) {
      const result = await preflightImport(await documents(), {
        client: deps.client,
        file: file.bytes,
        fileName: file.name,
        entity,
        signal,
        windowDays: deps.baseline.thresholds.signalWindowDays,
        onProgress: (p) => onProgress(progressView(p)),
      });
      return result;
    },

    async downloadTemplate(entity) {
      const bytes = await importTemplate(await documents(), {
        ...deps,
        entity,
        windowDays: deps.baseline.thresholds.signalWindowDays,
      });
      download(`setup-audit-import-${entity}.xlsx`, bytes, XLSX_MIME);
    },

    async downloadPreflightReport(result) {
      download(
        `setup-audit-check-${baseName(result.fileName)}.csv`,
        (await documents()).preflightToCsv(result, t),
        'text/csv;charset=utf-8',
      );
    },

    async getTicks() {
      return ticks.all();
    },

    async setTick(ruleId, checked): Promise<ManualTick> {
      return ticks.set({ ruleId, checked, by: deps.user.name, at: (deps.now?.() ?? new Date()).toISOString() });
    },
  };
}
