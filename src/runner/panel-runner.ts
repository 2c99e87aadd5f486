import type { ApiClient } from '../api/client';
import type { Report } from '../audit/types';
// Straight from the modules, not the fix/ index: that would pull the executor and undo into script.js.
import { createLock } from '../fix/lock';
import {
  type Journal,
  type JournalEntry,
  type JournalOp,
  journalToJson,
  type KeyValueStorage,
  localJournalStorage,
} from '../fix/journal';
import { createTranslator } from '../i18n/translate';
import type {
  HistoryEntry,
  HistoryOpStatus,
  PanelRunner,
  PreflightProgressView,
  SignOffStatus,
  SignOffView,
} from './panel-port';
import type { AuditSettings } from './audit';
import { reportToJson } from '../export/json';
import type { LoadDocumentEngine } from './document-engine';
import { cachedLoader } from './cached-loader';
import type { LoadFixEngine } from './fix-engine';
import { configurationDocument, importTemplate, preflightImport, type PreflightRunProgress } from './documents';
import { downloadFile } from './download';
import { lastReportStore } from './last-report';
import { localizeReport } from '../audit/localize';
import { documentFileName } from '../export/file-name';
import { tickStore } from './ticks';
import { createWorkflow } from './workflow';
import { attachSignedOff } from '../blueprint/attached';
import { blueprintFromJson } from '../blueprint/json';
import { settingFits, settingValueText, type SettingRead } from '../blueprint/setting-value';
import type { SignedOff } from '../blueprint/signed-off';
import { signOffStage } from './sign-off-stage';

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
  /** The fix engine (executor, undo), loaded on first use: the widget fetches fixes.js. */
  fixes: LoadFixEngine;
  now?: () => Date;
  /** The widget's setting as read (its baseline text and signed-off set-up); absent = nothing saved. */
  setting?: SettingRead;
}

/** How a journaled op stands now, from what undo recorded on it. */
function historyStatus(op: JournalOp): HistoryOpStatus {
  const undone = op.undone?.status;
  if (!undone) return 'applied';
  return undone === 'applied' ? 'reverted' : undone;
}

/** A fix entry as the history lists it: its title is the rule's, not the result's current state. */
function historyEntry(e: JournalEntry): HistoryEntry {
  return {
    id: e.id,
    batchId: e.batchId,
    ruleId: e.ruleId,
    // A document's sections are journaled as `blueprint-<section>`: titled by section, not as a rule.
    title: e.ruleId.startsWith('blueprint-')
      ? { key: `blueprint.history.${e.ruleId.slice('blueprint-'.length)}` }
      : { key: `rules.${e.ruleId}.fail` },
    appliedAt: e.appliedAt,
    by: e.by,
    ops: e.ops.map((o) => ({ summary: o.op.summary, status: historyStatus(o) })),
    undoneAt: e.undoneAt,
  };
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
  const documents = cachedLoader(deps.documents);
  const saved = deps.setting?.signedOff ?? null;
  const stage = signOffStage(deps.storage, deps.accountKey);
  // A staged sign-off the settings modal has since saved is done waiting.
  if (saved && stage.load()?.signedAt === saved.signedAt) stage.clear();
  const workflow = createWorkflow({
    ...deps,
    document: saved ? attachSignedOff(saved) : null,
    blueprint: async () => (await documents()).blueprint,
    fixes: cachedLoader(deps.fixes),
    journal: localJournalStorage(deps.accountKey, deps.storage),
    lock: createLock({ storage: deps.storage, key: `setup-audit:fix-lock:${deps.accountKey}` }),
    user: { name: deps.user.name, isAdmin: deps.isAdmin },
    // A document's results say what to press in this panel, not which command to type.
    face: 'panel',
  });
  const journal = (): Journal => workflow.journal();
  const ticks = tickStore(deps.storage, deps.accountKey);
  const download = deps.download ?? downloadFile;
  const report = (): Report | null => workflow.current()?.report ?? null;
  const last = lastReportStore(deps.storage, deps.accountKey, deps.now);
  // Every complete report replaces the kept one, so the next visit starts from the latest state; with it
  // what each part cost to read, so the next audit can say how long its data scan has left.
  const keep = <T extends { report: Report | null }>(step: T): T => {
    if (step.report) last.save(step.report, workflow.current()?.snapshot.requests.byPart);
    return step;
  };

  return {
    canFix: deps.isAdmin,
    whyNoFix: deps.isAdmin ? undefined : t('fix.refused.not-admin'),

    async audit({ signal, onProgress, onProvisional }) {
      // The audit in hand knows the counts best; on a new visit the kept report's are all there is.
      const previous = workflow.current()?.snapshot.requests.byPart ?? last.load()?.requestsByPart ?? null;
      return keep(await workflow.audit({ signal, onProgress, previous, ...(onProvisional ? { onProvisional } : {}) }))
        .report;
    },

    // A kept report is shown in the viewer's language whatever language it was saved in (it carries its keys).
    async lastReport() {
      const saved = last.load();
      return saved && { ...saved, report: localizeReport(saved.report, t, deps.lang) };
    },
    preview: (selection) => workflow.preview(selection),
    apply: async (preview, { onOp, pick, names }) => keep(await workflow.apply(preview, { onOp, pick, names })),
    undo: async (target, { onOp }) => keep(await workflow.undo(target, { onOp })),

    async history() {
      return journal()
        .entries()
        .filter((e) => e.kind === 'fix')
        .reverse()
        .map(historyEntry);
    },

    async downloadJournal() {
      download(`setup-audit-journal-${deps.accountKey}.json`, journalToJson(journal().entries()), 'application/json');
    },

    async downloadReport() {
      const current = report();
      if (!current) throw new Error(t('ui.empty'));
      const name = documentFileName(current.account.subdomain, deps.now?.() ?? new Date(), 'json', 'report');
      download(name, reportToJson(current), 'application/json');
    },

    async downloadDocument() {
      const audited = workflow.current();
      const bytes = await configurationDocument(await documents(), { ...deps, now: deps.now, audited });
      // What and when: setup-audit-<subdomain>-<date>.xlsx (the account id when no audit named the subdomain).
      const subdomain = audited?.report.account.subdomain ?? deps.accountKey;
      download(documentFileName(subdomain, deps.now?.() ?? new Date(), 'xlsx'), bytes, XLSX_MIME);
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

    async readDocument(file) {
      // The JSON form needs no XLSX code: only a workbook loads the document chunk.
      if (/\.json$/i.test(file.name)) return blueprintFromJson(new TextDecoder().decode(file.bytes));
      return (await documents()).readBlueprint(file.bytes, file.name);
    },

    planDocument: (document) => workflow.planBlueprint(document),

    applyDocument: async (document, { name, onOp }) => keep(await workflow.applyBlueprint(document, { name, onOp })),

    async signOff(document, { name }) {
      if (!deps.isAdmin) return { status: 'refused', message: { key: 'fix.refused.not-admin' } };
      const signed: SignedOff = {
        document,
        signedAt: (deps.now?.() ?? new Date()).toISOString(),
        // Who signed is part of the record: a nameless CRM user is named by id.
        by: deps.user.name.trim() || `#${deps.user.id}`,
        source: name || null,
      };
      // Checked as the whole setting it will become (the baseline beside it counts too).
      const size = settingFits(
        settingValueText({ baselineText: deps.setting?.baselineText ?? null, signedOff: signed }),
      );
      if (!size.fits) return { status: 'too-large', bytes: size.bytes, max: size.max };
      stage.save(signed);
      const report = await workflow.attachDocument(attachSignedOff(signed));
      if (report) last.save(report);
      return { status: 'staged', signOff: viewOf(signed), report };
    },

    signOffStatus(): SignOffStatus {
      const staged = stage.load();
      const compared = workflow.attachedDocument();
      return {
        saved: saved && viewOf(saved),
        staged: staged && staged.signedAt !== saved?.signedAt ? viewOf(staged) : null,
        compared: compared && {
          name: compared.name,
          signedOff: compared.signedOff && { ...compared.signedOff, source: compared.name || null },
        },
        problem: deps.setting?.problem ?? null,
      };
    },

    async getTicks() {
      return ticks.all();
    },

    async setTick(ruleId, checked) {
      return ticks.set({ ruleId, checked, by: deps.user.name, at: (deps.now?.() ?? new Date()).toISOString() });
    },
  };
}

function viewOf(signed: SignedOff): SignOffView {
  return { signedAt: signed.signedAt, by: signed.by, source: signed.source };
}
