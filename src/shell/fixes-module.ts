import type { FixEngine } from '../runner/fix-engine';
import type { FixViews } from '../ui/fix-views';

/** The value of fixes.js: the fix engine and the fix dialog, which only a fix (or an undo) needs. */
export interface FixesModule {
  engine: FixEngine;
  views: FixViews;
}
