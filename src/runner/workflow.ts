/**
 * The one orchestrator: audit → preview → apply → re-audit → undo → re-audit. The panel's store and the
 * CLI's `fix`/`undo` call these four steps and render what comes back; neither sequences anything itself.
 * Every step returns its outcome together with the report that follows from it, and re-reads only the
 * parts of the account it needs: a preview the parts its rules read, an apply the parts its plans read
 * (the executor recomputes each plan from them), an undo the parts its journal entries wrote to.
 */
import type { ApiClient } from '../api/client';
import type { Baseline } from '../audit/baseline/types';
import type { Message, Report } from '../audit/types';
import { PlanUnavailableError, planFor } from '../fix/plan-for';
import { createLock, type FixLock } from '../fix/lock';
import { Journal, memoryJournalStorage, type JournalStorage } from '../fix/journal';
import type { Plan } from '../fix/types';
import { refuse, type ApplyOutcome, type OpReport, type UndoOutcome } from '../fix/outcome';
import type { PlanChoices } from '../fix/pick';
import type { FixEngine, LoadFixEngine } from './fix-engine';
import type { TakenNames } from '../fix/name-check';
import type { NameEdits } from '../fix/name-slots';
import type { Dictionary, Lang } from '../i18n/translate';
import { gatherSnapshot, regatherParts, type GatherProgress } from '../snapshot/gather';
import type { PartName, Snapshot } from '../snapshot/types';
import type { PartRequests } from '../snapshot/time-left';
import { allSafeRuleIds } from './all-safe';
import { auditAccount, auditSnapshot } from './audit';
import { isAdminIn, tokenUserIn } from './identity';
import { partsRequiredBy, partsWrittenBy } from './touched-parts';
import { provisionalTracker, type ProvisionalReport } from './provisional';
import { AUDIT_PARTS } from '../audit/parts';
import type { AttachedDocument } from '../blueprint/attached';
import type { BlueprintEngine, LoadBlueprintEngine } from '../blueprint/engine';
import { BLUEPRINT_PARTS } from '../blueprint/parts';
import type { BlueprintPlan } from '../blueprint/plan/index';
import type { Blueprint } from '../blueprint/types';
import { withResults } from '../blueprint/with-results';
import { createTranslator } from '../i18n/translate';

/** Which fixes to preview: these rules, or every failing result whose fix is safe. */
export type FixSelection = readonly string[] | 'all-safe';

/** A rule asked for that has no plan to show, and why (translatable). */
export interface PlanUnavailable {
  ruleId: string;
  reason: Message;
}

/** What a preview found: the plans as they would be applied now, and the rules that could not be planned. */
export interface FixPreview {
  scope: 'rules' | 'all-safe';
  /** The rules the selection resolved to, in the order asked. */
  ruleIds: string[];
  /** One plan per rule that has something to change or to do by hand; ops in the order they will be sent. */
  plans: Plan[];
  /** Per plan (same order), each op's key, the ops it builds on and the names it writes (what a person may choose). */
  choices: PlanChoices[];
  /** The account's names in every scope those names go to, so a face can say at once that one is taken. */
  taken: TakenNames;
  unavailable: PlanUnavailable[];
}

/** An audit in hand: the snapshot it read and the report it gave. */
export interface Audited {
  snapshot: Snapshot;
  report: Report;
}

/** A step's outcome with the report after it; `report` is null only when no audit was ever made (CLI undo). */
export interface Stepped<T> {
  outcome: T;
  report: Report | null;
}

/** What a person chose in a preview: the keys of the changes to apply (absent: all) and edited names by slot id. */
export interface ApplyChoice {
  pick?: readonly string[] | undefined;
  names?: NameEdits | undefined;
}

/** Undo one or more journal entries, or a whole batch (one apply). */
export type UndoTarget = { entryIds: readonly string[] } | { batchId: string };

/** What the orchestrator needs to know about where it runs. */
export interface WorkflowDeps {
  client: ApiClient;
  baseline: Baseline;
  /** The user's language: report texts, and the names a fix writes when neither `namesLang` nor the account says. */
  lang: Lang;
  /** The language of names a fix writes (fields, options, stages), when the user chose it (`--names-lang`). */
  namesLang?: Lang;
  dict: Dictionary;
  /** Where the journal lives (localStorage per account, a file, memory). */
  journal?: JournalStorage;
  lock?: FixLock;
  /**
   * Who acts, when the host knows it (the panel: the CRM's user and rights). Absent: read from the
   * snapshot (the token's user and whether it is an admin) — the CLI's case.
   */
  user?: { name: string | null; isAdmin: boolean };
  now?: () => Date;
  /** Journal ids (tests pin them). */
  newId?: () => string;
  /** Where the account lives, recorded in the snapshot (the CLI's base URL; null in the browser). */
  baseUrl?: string | null;
  /** The document every report is compared with from the start (the signed-off set-up), if any. */
  document?: AttachedDocument | null;
  /** The configuration-document engine, loaded the first time a document is in play (the widget: documents.js). */
  blueprint?: LoadBlueprintEngine;
  /** Which face shows the reports: a document's results say what to do there (default: the CLI's commands). */
  face?: 'cli' | 'panel';
  /**
   * The fix engine (executor, undo, a preview's choices), loaded the first time a fix is previewed or
   * undone (the widget: fixes.js; the CLI and tests: localFixEngine).
   */
  fixes: LoadFixEngine;
}

/** Options of a step that talks to the account. */
export interface StepOptions {
  signal?: AbortSignal;
}

/** The orchestrator's steps. */
export interface Workflow {
  /** Gathers the account and audits it; the result becomes the audit in hand. */
  audit(
    opts?: StepOptions & {
      onProgress?: (p: GatherProgress) => void;
      /**
       * What each part cost the last time (a kept report's counts, a CLI's memory); absent: the audit in
       * hand's. Only the progress's time-left estimate reads it.
       */
      previous?: PartRequests | null;
      /** Reports over the parts gathered so far, each time more rules can be judged (never the final one). */
      onProvisional?: (p: ProvisionalReport) => void;
    },
  ): Promise<Audited>;
  /** Audits a snapshot already in hand (a saved file) and keeps it as the audit in hand. */
  auditSnapshot(snapshot: Snapshot): Audited;
  /** The plans the selection would apply. With `reread` (default) the parts they read are read again first. */
  preview(selection: FixSelection, opts?: StepOptions & { reread?: boolean }): Promise<Stepped<FixPreview>>;
  /**
   * Applies a preview's plans (recomputed from a fresh read right before), journals them, re-audits what
   * they touched. With `pick` only the changes of those keys are applied, with `names` edited names are
   * written; a chosen change no longer in the recomputed plan refuses the apply before anything is sent.
   */
  apply(
    preview: FixPreview,
    opts?: StepOptions & ApplyChoice & { onOp?: (op: OpReport) => void },
  ): Promise<Stepped<ApplyOutcome>>;
  /** Undoes journal entries (or a batch), then re-audits only the parts they wrote to. */
  undo(target: UndoTarget, opts?: StepOptions & { onOp?: (op: OpReport) => void }): Promise<Stepped<UndoOutcome>>;
  /**
   * Reads only who the token acts as (account and users), for an undo without an audit (the CLI). The
   * snapshot is returned so the caller can check the account answered; it is not an audit in hand.
   */
  identify(opts?: StepOptions): Promise<Snapshot>;
  /**
   * What applying a configuration document would change now: the parts it reads are read again first
   * (on top of the audit in hand, or alone when there is none), then planned section by section.
   */
  planBlueprint(
    document: Blueprint,
    opts?: StepOptions & { onProgress?: (p: GatherProgress) => void },
  ): Promise<Stepped<BlueprintPlan>>;
  /**
   * Applies a configuration document through the fixes' executor (each section planned again from a
   * fresh read, each op journaled, stopping at the first failure). The document becomes the one reports
   * are compared with, so the report after it carries its `blueprint-*` results; undo works as for fixes.
   * Without an audit in hand it reads what it needs itself (who acts, then each section's parts) and
   * comes back without a report: the parts it read are not a whole audit, the next audit compares.
   */
  applyBlueprint(
    document: Blueprint,
    opts: StepOptions & { name: string; onOp?: (op: OpReport) => void },
  ): Promise<Stepped<ApplyOutcome>>;
  /**
   * Sets (or, with null, drops) the document every following report is compared with. Returns the audit
   * in hand compared again when it holds every part that needs (else null: the next step's report will).
   */
  attachDocument(document: AttachedDocument | null): Promise<Report | null>;
  /** The document reports are compared with now, if any. */
  attachedDocument(): AttachedDocument | null;
  /** The journal's entries, oldest first. */
  journal(): Journal;
  /** The audit in hand, if any. */
  current(): Audited | null;
}

/** Creates the orchestrator for one account. */
export function createWorkflow(deps: WorkflowDeps): Workflow {
  const lock = deps.lock ?? createLock();
  // Names follow the account's own language (planFor detects it) unless the user chose one (`namesLang`).
  const names: Lang = deps.namesLang ?? deps.lang;
  const storage = deps.journal ?? memoryJournalStorage();
  let audited: Audited | null = null;
  /**
   * What was read without an audit in hand (`identify`, a document's plan or apply): who the token acts
   * as, and where a document's apply starts from.
   */
  let identity: Snapshot | null = null;
  let journal: Journal | null = null;
  let attached: AttachedDocument | null = deps.document ?? null;
  let engine: BlueprintEngine | null = null;
  const loadEngine = async (): Promise<BlueprintEngine> => {
    if (!deps.blueprint) throw new Error('this build has no configuration-document engine');
    engine ??= await deps.blueprint();
    return engine;
  };
  let fixEngine: FixEngine | null = null;
  const loadFixes = async (): Promise<FixEngine> => {
    fixEngine ??= await deps.fixes();
    return fixEngine;
  };
  const t = createTranslator(deps.dict, deps.lang);
  // The document's results need the field groups too (a field's group is part of the set-up).
  const extraParts = (): PartName[] => (attached ? BLUEPRINT_PARTS.filter((p) => !AUDIT_PARTS.includes(p)) : []);
  /** The report with the attached document's `blueprint-*` results (the engine is loaded before any step that keeps one). */
  const compared = (snapshot: Snapshot, report: Report): Report =>
    attached && engine
      ? withResults(report, engine.documentResults(attached, snapshot, t, deps.face ?? 'cli'), t)
      : report;

  const known = (): Snapshot | null => audited?.snapshot ?? identity;
  const isAdmin = (): boolean => {
    if (deps.user) return deps.user.isAdmin;
    const snapshot = known();
    return snapshot ? isAdminIn(snapshot) : false;
  };
  // The journal is opened on first use, once the snapshot can say who the token acts as.
  const journalNow = (): Journal => {
    if (!journal) {
      const snapshot = known();
      journal = new Journal(storage, {
        by: deps.user ? deps.user.name : snapshot ? tokenUserIn(snapshot) : null,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.newId ? { newId: deps.newId } : {}),
      });
    }
    return journal;
  };
  const keep = (snapshot: Snapshot): Audited => {
    audited = { snapshot, report: compared(snapshot, auditSnapshot(snapshot, deps)) };
    return audited;
  };
  const regather = (snapshot: Snapshot, parts: PartName[], signal?: AbortSignal) =>
    parts.length ? regatherParts(deps.client, snapshot, parts, { now: deps.now, signal }) : Promise.resolve(snapshot);
  const readIdentity = async (signal?: AbortSignal): Promise<Snapshot> => {
    identity = await gatherSnapshot(deps.client, {
      parts: ['account', 'users'],
      windowDays: deps.baseline.thresholds.signalWindowDays,
      now: deps.now,
      signal,
      baseUrl: deps.baseUrl ?? null,
    });
    return identity;
  };
  const needAudit = (): Audited => {
    if (!audited) throw new Error('no audit in hand: audit the account before previewing or applying a fix');
    return audited;
  };

  return {
    async audit(opts = {}) {
      const onProvisional = opts.onProvisional;
      // With a document attached its engine loads while the account is read, not after.
      // A chunk that fails to load costs the document's results only, never the audit.
      const loading = attached && deps.blueprint ? loadEngine().catch(() => null) : null;
      const result = await auditAccount({
        ...deps,
        now: deps.now,
        signal: opts.signal,
        onProgress: opts.onProgress,
        previous: opts.previous ?? audited?.snapshot.requests.byPart ?? null,
        ...(onProvisional
          ? {
              onPart: provisionalTracker({
                parts: AUDIT_PARTS,
                audit: (snapshot, rules) => auditSnapshot(snapshot, deps, rules),
                emit: onProvisional,
              }),
            }
          : {}),
        baseUrl: deps.baseUrl ?? null,
        extraParts: extraParts(),
      });
      await loading;
      audited = { snapshot: result.snapshot, report: compared(result.snapshot, result.report) };
      return audited;
    },

    auditSnapshot(snapshot) {
      return keep(snapshot);
    },

    async preview(selection, opts = {}) {
      const before = needAudit();
      const scope = selection === 'all-safe' ? 'all-safe' : 'rules';
      const ruleIds = selection === 'all-safe' ? allSafeRuleIds(before.report) : [...new Set(selection)];
      // The engine loads first: a preview that cannot offer its choices is not read for.
      const { planChoices, takenNames } = await loadFixes();
      // Plans come from the account as it is now, not as it was at the last audit.
      const { snapshot, report } =
        opts.reread === false ? before : keep(await regather(before.snapshot, partsRequiredBy(ruleIds), opts.signal));
      const plans: Plan[] = [];
      const unavailable: PlanUnavailable[] = [];
      for (const ruleId of ruleIds) {
        try {
          const plan = planFor(ruleId, snapshot, deps.baseline, names, { namesLang: deps.namesLang });
          // "All safe" never lets a confirm-kind plan through, whatever a rule declares.
          if (plan && (scope === 'rules' || plan.kind === 'safe')) plans.push(plan);
        } catch (err) {
          if (!(err instanceof PlanUnavailableError)) throw err;
          unavailable.push({ ruleId, reason: unavailableReason(err) });
        }
      }
      const choices = plans.map(planChoices);
      return { outcome: { scope, ruleIds, plans, choices, taken: takenNames(snapshot, choices), unavailable }, report };
    },

    async apply(preview, opts = {}) {
      const before = needAudit();
      const picked = opts.pick ? new Set(opts.pick) : null;
      // A plan none of whose changes was chosen is not applied at all (not even re-read).
      const ruleIds = preview.plans
        .filter(
          (p, i) => p.ops.length > 0 && (!picked || (preview.choices[i]?.ops ?? []).some((o) => picked.has(o.key))),
        )
        .map((p) => p.ruleId);
      const choice = opts.pick || opts.names ? { pick: opts.pick, names: opts.names } : undefined;
      if (ruleIds.length === 0) {
        return {
          outcome: { status: 'already-fixed', batchId: '', plans: [], snapshot: before.snapshot },
          report: before.report,
        };
      }
      const { applyFixes } = await loadFixes();
      const outcome = await applyFixes({
        client: deps.client,
        ruleIds,
        snapshot: before.snapshot,
        baseline: deps.baseline,
        lang: names,
        namesLang: deps.namesLang,
        choice,
        journal: journalNow(),
        lock,
        isAdmin: isAdmin(),
        // The preview was shown and the caller chose to apply it: that is the confirmation.
        confirmed: true,
        now: deps.now,
        signal: opts.signal,
        onOp: opts.onOp,
      });
      if (outcome.status === 'refused') return { outcome, report: before.report };
      // The executor re-read every part the plans touched after applying: audit that, no second gather.
      return { outcome, report: keep(outcome.snapshot).report };
    },

    async undo(target, opts = {}) {
      const j = journalNow();
      const entries = j.entries();
      const picked =
        'batchId' in target
          ? entries.filter((e) => e.batchId === target.batchId && e.kind === 'fix')
          : entries.filter((e) => target.entryIds.includes(e.id) && e.kind === 'fix');
      if (!isAdmin()) return { outcome: refuse('not-admin'), report: audited?.report ?? null };
      const { undoFixes } = await loadFixes();
      const outcome = await undoFixes({
        client: deps.client,
        journal: j,
        lock,
        isAdmin: true,
        ...('batchId' in target ? { batchId: target.batchId } : { entryIds: [...target.entryIds] }),
        signal: opts.signal,
        onOp: opts.onOp,
      });
      if (outcome.status === 'refused' || !audited) return { outcome, report: audited?.report ?? null };
      // Only what the undone entries wrote can have changed: re-read those parts, keep the rest.
      return { outcome, report: keep(await regather(audited.snapshot, partsWrittenBy(picked), opts.signal)).report };
    },

    identify: (opts = {}) => readIdentity(opts.signal),

    async planBlueprint(document, opts = {}) {
      const blueprint = await loadEngine();
      const base = audited?.snapshot;
      const snapshot = base
        ? await regather(base, BLUEPRINT_PARTS, opts.signal)
        : await gatherSnapshot(deps.client, {
            parts: BLUEPRINT_PARTS,
            windowDays: deps.baseline.thresholds.signalWindowDays,
            now: deps.now,
            signal: opts.signal,
            onProgress: opts.onProgress,
            baseUrl: deps.baseUrl ?? null,
          });
      // Without an audit in hand the parts read are not a whole audit: the plan comes back without a
      // report, and what was read (account and users among it) says who an apply acts as.
      if (!base) identity = snapshot;
      const report = base ? keep(snapshot).report : null;
      return { outcome: blueprint.planBlueprint(document, snapshot), report };
    },

    async applyBlueprint(document, opts) {
      const blueprint = await loadEngine();
      // Each section re-reads its own parts before it is planned: the apply needs only who acts to start.
      const before = audited?.snapshot ?? identity ?? (await readIdentity(opts.signal));
      const outcome = await blueprint.applyBlueprint({
        client: deps.client,
        blueprint: document,
        snapshot: before,
        journal: journalNow(),
        lock,
        isAdmin: isAdmin(),
        now: deps.now,
        signal: opts.signal,
        onOp: opts.onOp,
      });
      if (outcome.status === 'refused') return { outcome, report: audited?.report ?? null };
      attached = { document, name: opts.name, signedOff: null };
      if (!audited) {
        identity = outcome.snapshot;
        return { outcome, report: null };
      }
      // The executor re-read every part the sections touched: audit that, no second gather.
      return { outcome, report: keep(outcome.snapshot).report };
    },

    async attachDocument(document) {
      if (document) await loadEngine();
      attached = document;
      const snapshot = audited?.snapshot;
      if (!snapshot || (document && BLUEPRINT_PARTS.some((p) => snapshot.parts[p] === undefined))) return null;
      return keep(snapshot).report;
    },

    attachedDocument: () => attached,

    journal: journalNow,
    current: () => audited,
  };
}

/** Why a plan could not be built, as the message the faces show. */
function unavailableReason(err: PlanUnavailableError): Message {
  if (err.reason === 'part-failed') {
    return {
      key: 'fix.refused.part-failed',
      params: { rule: err.ruleId, reason: err.failure?.message ?? err.part ?? err.message },
    };
  }
  return { key: `fix.refused.${err.reason}`, params: { rule: err.ruleId } };
}
