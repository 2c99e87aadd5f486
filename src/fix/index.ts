/** Public surface of the fix engine (browser-safe; the CLI's file journal is in ./journal-file). */
export type { Op, OpTarget, Plan } from './types';
export { PlanUnavailableError, fixableRuleIds, namesLang, planFor } from './plan-for';
export type { OpKit } from './op-kit';
export { describeOp, describePlan } from './describe';
export type { PlanDescription } from './describe';
export { applyFixes } from './executor';
export type { ApplyOptions } from './executor';
export { undoFixes } from './undo';
export type { UndoOptions } from './undo';
export { Journal, journalFromJson, journalToJson, localJournalStorage, memoryJournalStorage } from './journal';
export type { JournalEntry, JournalOp, JournalStorage, KeyValueStorage } from './journal';
export { createLock, LOCK_TTL_MS } from './lock';
export type { FixLock } from './lock';
export type { ApplyOutcome, OpReport, OpStatus, PlanReport, Refused, UndoOutcome } from './outcome';
export type { OpError } from './apply-op';
export { displayValue } from './value';
