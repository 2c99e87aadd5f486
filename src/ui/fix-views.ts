import type { FixDialogProps } from './FixDialog';
import type { IslandProps, IslandView } from './island';

/**
 * The fix dialog (preview, choices, per-op progress, outcome), which the panel shows only after a click:
 * the widget loads it from fixes.js with the fix engine; tests and the bench link `localFixViews` in.
 */
export interface FixViews {
  fixDialog: IslandView<IslandProps<FixDialogProps>>;
}

/** Loads the fix views (once: see runner/cached-loader). */
export type LoadFixViews = () => Promise<FixViews>;
