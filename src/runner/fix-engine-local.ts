import { applyFixes } from '../fix/executor';
import { planChoices, takenNames } from '../fix/pick';
import { undoFixes } from '../fix/undo';
import type { FixEngine } from './fix-engine';

/** The fix engine linked in directly (CLI, tests, and the body of the widget's fixes.js). */
export const localFixEngine: FixEngine = { applyFixes, undoFixes, planChoices, takenNames };
