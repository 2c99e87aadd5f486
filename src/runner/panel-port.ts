import type { Message, Report } from '../audit/types';
import type { ApplyOutcome, OpReport, UndoOutcome } from '../fix/outcome';
import type { ImportEntity, PreflightResult } from '../preflight/types';
import type { ManualTick } from './ticks';
import type { ApplyChoice, FixPreview, FixSelection, Stepped, UndoTarget } from './workflow';
import type { GatherProgress } from '../snapshot/gather';
import type { SavedReport } from './last-report';
import type { ProvisionalReport } from './provisional';
import type { ReadResult } from '../blueprint/problems';
import type { BlueprintPlan } from '../blueprint/plan/index';
import type { Blueprint } from '../blueprint/types';

// The engine's own vocabulary, re-exported so the panel imports one module; view types below have their own names.
export type { ApplyOutcome, OpReport, OpStatus, UndoOutcome } from '../fix/outcome';
export type { ManualTick } from './ticks';
export type { ApplyChoice, FixPreview, FixSelection, PlanUnavailable, Stepped, UndoTarget } from './workflow';
export type { OpChoice, PlanChoices } from '../fix/pick';
export type { NameSlot, NameEdits } from '../fix/name-slots';
export type { TakenNames } from '../fix/name-check';
export type { GatherProgress } from '../snapshot/gather';
export type { SavedReport } from './last-report';
export type { ProvisionalReport } from './provisional';
export type { DocumentProblem, ReadResult } from '../blueprint/problems';
export type { BlueprintPlan, SectionPlan } from '../blueprint/plan/index';
export type { Blueprint } from '../blueprint/types';

/**
 * The port the panel drives (the panel imports it as src/ui/runner-port.ts). It is defined here, beside
 * its implementation, because the runner depends on nothing in ui/. The panel never fetches and never sequences: every side effect goes
 * through this interface, implemented by the runner (src/runner/panel-runner.ts, over the one
 * orchestrator src/runner/workflow.ts) in the widget and by an in-memory fake in tests. Each step
 * returns its outcome with the report that follows from it, so the panel never asks for a re-audit.
 * Reports come localised in the panel's language; everything else a user reads is a `Message` the
 * panel translates (op summaries, reasons, refusals).
 */
export interface PanelRunner {
  /**
   * Gathers a fresh snapshot and audits it. Rejects with an AbortError when `signal` aborts. While it
   * gathers, `onProvisional` receives reports over the parts gathered so far (see runner/provisional.ts).
   */
  audit(opts: {
    signal: AbortSignal;
    onProgress: (p: GatherProgress) => void;
    onProvisional?: (p: ProvisionalReport) => void;
  }): Promise<Report>;
  /** The last complete report of this account kept from an earlier visit, if any (shown while refreshing). */
  lastReport?: () => Promise<SavedReport | null>;
  /**
   * The plans for these rules (or "all safe": the failing results whose fix is safe) from a fresh
   * read of the parts they need, without writing anything; with the report over that read.
   */
  preview(selection: FixSelection): Promise<Stepped<FixPreview>>;
  /**
   * Applies the preview's plans (recomputed right before applying), journals them and re-audits
   * exactly what they touched. Calls `onOp` as each op settles; ops after a failure are `not-attempted`.
   * A refusal (not admin, busy) comes back as an outcome with status `refused`, never as a throw.
   * `pick` (op keys of `preview.choices`) applies only those changes, `names` writes edited names; a chosen
   * change that the account no longer needs refuses the apply before anything is sent.
   */
  apply(preview: FixPreview, opts: { onOp: (op: OpReport) => void } & ApplyChoice): Promise<Stepped<ApplyOutcome>>;
  /**
   * Reverts journal entries (or a batch) op by op, then re-audits only the parts they wrote to. An op
   * whose target changed since is a `conflict`, one with nothing to restore `skipped`; each carries its `entryId`.
   */
  undo(target: UndoTarget, opts: { onOp: (op: OpReport) => void }): Promise<Stepped<UndoOutcome>>;
  /** Applied fixes of this account, newest first. */
  history(): Promise<HistoryEntry[]>;
  /** Saves the journal as a file (the runner owns where and how). */
  downloadJournal(): Promise<void>;
  /** Saves the configuration document (XLSX); absent when the build has no exporter. */
  downloadDocument?: () => Promise<void>;
  /** Saves the last report as JSON (the same document as `setup-audit audit --format json`). */
  downloadReport?: () => Promise<void>;
  /** True when the current user may apply fixes (an account admin). */
  readonly canFix: boolean;
  /** Why fixes are unavailable (already translated); the panel has a generic line otherwise. */
  readonly whyNoFix?: string;
  /** Ticks of manual checks stored for this account, keyed by rule id. */
  getTicks(): Promise<Record<string, ManualTick>>;
  /** Stores a tick (or its removal) for the current user; resolves with what was stored. */
  setTick(ruleId: string, checked: boolean): Promise<ManualTick>;
  /**
   * Checks an import file against the live account (reads only). Problems come back as Messages the
   * panel translates. Rejects with an AbortError when `signal` aborts.
   */
  preflight(
    file: PickedFile,
    entity: ImportEntity,
    opts: { signal: AbortSignal; onProgress: (p: PreflightProgressView) => void },
  ): Promise<PreflightResult>;
  /** Saves the import template of the entity (XLSX with this account's field names and lists). */
  downloadTemplate(entity: ImportEntity): Promise<void>;
  /** Saves the row-level report of an import check as CSV. */
  downloadPreflightReport(result: PreflightResult): Promise<void>;
  /**
   * Reads a configuration document file (XLSX or its JSON form) in the browser; a broken one comes back
   * with every problem and where it is (sheet, row, column or JSON path). Absent when the build has no
   * document engine; the four document steps come together.
   */
  readDocument?: (file: PickedFile) => Promise<ReadResult<Blueprint>>;
  /** What applying the document would change now (read again first), with the report over that read. */
  planDocument?: (document: Blueprint) => Promise<Stepped<BlueprintPlan>>;
  /**
   * Applies the document through the fixes' executor and journal (admins only; a refusal is an
   * outcome); the report after it carries the document's `blueprint-*` results.
   */
  applyDocument?: (
    document: Blueprint,
    opts: { name: string; onOp: (op: OpReport) => void },
  ) => Promise<Stepped<ApplyOutcome>>;
  /** Signs the document off as the account's agreed set-up: staged for the settings modal's Save. */
  signOff?: (document: Blueprint, opts: { name: string }) => Promise<SignOffOutcome>;
  /** The saved and the staged sign-off, and what the reports are compared with now. */
  signOffStatus?: () => SignOffStatus;
}

/** A sign-off as the panel shows it. */
export interface SignOffView {
  /** ISO 8601. */
  signedAt: string;
  by: string;
  /** The file it came from, when known. */
  source: string | null;
}

/** Where the sign-off stands. */
export interface SignOffStatus {
  /** The one in the widget's settings (the reports' drift is from it). */
  saved: SignOffView | null;
  /** One made on this page and not yet saved in the settings modal. */
  staged: SignOffView | null;
  /** The document the reports are compared with now: its name, and its sign-off when it is one. */
  compared: { name: string; signedOff: SignOffView | null } | null;
  /** Why the saved sign-off could not be used (damaged setting), to translate; null when fine. */
  problem: Message | null;
}

/** What a sign-off did: staged (with the report compared with it), refused, or too large to keep. */
export type SignOffOutcome =
  | { status: 'staged'; signOff: SignOffView; report: Report | null }
  | { status: 'too-large'; bytes: number; max: number }
  | { status: 'refused'; message: Message };

/** A file the user picked for the import check: its name and contents. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Progress of an import check: loading the account's schema (parts), its existing contacts
 * (contacts loaded so far, total unknown), reading the file, then checking its rows.
 */
export interface PreflightProgressView {
  stage: 'schema' | 'contacts' | 'read' | 'check';
  done: number;
  /** Null when the total is not known in advance. */
  total: number | null;
}

/** An applied fix as the history lists it. */
export interface HistoryEntry {
  id: string;
  /** One apply ("Fix all safe" included) is one batch; a batch can be undone as a whole. */
  batchId: string;
  ruleId: string;
  /** What was fixed, by rule: stable whatever the rule's state after the fix. */
  title: Message;
  /** ISO 8601. */
  appliedAt: string;
  /** Name of the user who applied it, when known. */
  by: string | null;
  ops: HistoryOp[];
  /** ISO 8601 when undone; null while in effect. */
  undoneAt: string | null;
}

/**
 * How a journaled op stands now: `applied` (in effect), or what undo did with it — `reverted`,
 * `skipped` (nothing to restore), `conflict` (changed by someone since; left alone), `failed`.
 */
export type HistoryOpStatus = 'applied' | 'reverted' | 'skipped' | 'conflict' | 'failed';

/** One op of an applied fix. */
export interface HistoryOp {
  summary: Message;
  status: HistoryOpStatus;
}
