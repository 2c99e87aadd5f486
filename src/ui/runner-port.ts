import type { FixKind, Message, Report } from '../audit/types';
import type { Op } from '../fix/types';
import type { ImportEntity, PreflightResult } from '../preflight/types';

/**
 * The port the panel drives. The panel never fetches: every side effect goes through
 * this interface, implemented by the runner (src/runner/) in the widget and by an
 * in-memory fake in tests. Everything a user reads comes back either as text already
 * rendered in the panel's language (report titles, reasons) or as a `Message` the
 * panel translates (op summaries, which the fix engine builds as data).
 */
export interface PanelRunner {
  /**
   * Gathers a fresh snapshot and audits it. Rejects with an AbortError when `signal` aborts. With
   * `afterFix` the runner may audit the snapshot the fix just re-gathered instead of reading everything again.
   */
  runAudit(opts: { signal: AbortSignal; onProgress: (p: Progress) => void; afterFix?: boolean }): Promise<Report>;
  /**
   * Builds the plans for these rules from a fresh snapshot, without writing anything.
   * A rule with nothing left to fix comes back with `ops: []`.
   */
  previewFix(ruleIds: string[]): Promise<PlanPreview[]>;
  /**
   * Applies the plans (recomputed right before applying) and journals them. Calls `onOp`
   * as each op settles; ops after a failure are reported `not-attempted`. Never re-audits:
   * the panel asks for a new audit itself once the outcome is shown.
   */
  applyFix(ruleIds: string[], opts: { onOp: (op: OpResult) => void }): Promise<ApplyOutcome>;
  /** Reverts journal entries op by op; an op whose target changed since is a conflict, not overwritten. */
  undo(entryIds: string[], opts: { onOp: (op: OpResult) => void }): Promise<UndoOutcome>;
  /** Applied fixes of this account, newest first. */
  history(): Promise<JournalEntry[]>;
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
}

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

/** Progress of gathering. `requests` counts API requests made so far. */
export interface Progress {
  partsDone: number;
  partsTotal: number;
  requests: number;
}

/** One op as the preview shows it: the summary is a sentence saying before → after. */
export interface OpPreview {
  method: Op['method'];
  path: string;
  summary: Message;
}

/** The plan of one rule as the preview shows it. */
export interface PlanPreview {
  ruleId: string;
  /** The rule's title in the panel's language. */
  title: string;
  kind: FixKind;
  ops: OpPreview[];
}

/** How one op ended. `not-attempted` follows the first failure (the executor stops there). */
export type OpStatus = 'applied' | 'failed' | 'not-attempted';

/** The result of one op while applying or undoing. */
export interface OpResult {
  ruleId: string;
  /** Position of the op in its plan (or journal entry), from 0. */
  index: number;
  summary: Message;
  status: OpStatus;
  /** Why it failed or was not attempted (translated); absent when applied. */
  message?: string;
}

/** What applying did, exactly. */
export interface ApplyOutcome {
  ops: OpResult[];
  /** The journal entry written for the applied ops; null when nothing was applied. */
  journalEntryId: string | null;
  /** A translated line about the whole apply, e.g. "already fixed: nothing was changed". */
  notice?: string | null;
}

/** An undo that was not done because the account changed after the fix. */
export interface UndoConflict {
  entryId: string;
  summary: Message;
  /** Value the fix wrote (what undo expected to find), as display text. */
  expected: string;
  /** Value the account holds now, as display text. */
  actual: string;
}

/** What undoing did: per-op results plus the conflicts left untouched. */
export interface UndoOutcome {
  ops: OpResult[];
  conflicts: UndoConflict[];
}

/** One applied fix in the journal. */
export interface JournalEntry {
  id: string;
  /** One apply ("Fix all safe" included) is one batch; a batch can be undone as a whole. */
  batchId: string;
  ruleId: string;
  /** The rule's title in the panel's language. */
  title: string;
  /** ISO 8601. */
  appliedAt: string;
  /** Name of the user who applied it, when known. */
  by: string | null;
  ops: { summary: Message; status: OpStatus }[];
  /** ISO 8601 when undone; null while in effect. */
  undoneAt: string | null;
}

/** A person's tick on a manual check, stored per account. */
export interface ManualTick {
  ruleId: string;
  checked: boolean;
  /** Name of the user who ticked or unticked it. */
  by: string;
  /** ISO 8601. */
  at: string;
}
