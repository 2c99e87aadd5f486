import type { applyFixes } from '../fix/executor';
import type { planChoices, takenNames } from '../fix/pick';
import type { undoFixes } from '../fix/undo';

/**
 * The writing half of the fixes: the executor that applies plans, undo, and what a preview offers to
 * choose (each change's key, the names it writes and the names already taken). Types only here, so that
 * the widget's script.js does not carry it: the widget loads it with the fix dialog the first time a fix
 * is previewed or undone (fixes.js); the CLI and tests link `localFixEngine` in directly. Planning
 * itself (`planFor`) stays with the rules, which the audit needs anyway.
 */
export interface FixEngine {
  applyFixes: typeof applyFixes;
  undoFixes: typeof undoFixes;
  planChoices: typeof planChoices;
  takenNames: typeof takenNames;
}

/** Loads the fix engine (the widget: from fixes.js; once, the loader caches). */
export type LoadFixEngine = () => Promise<FixEngine>;
