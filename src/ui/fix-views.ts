import type { PanelEnv } from './context';
import type { FixDialogProps } from './FixDialog';
import type { IslandView } from './island';

/** Props of an island view: its own props plus the panel's environment (its contexts are not the panel's). */
export type IslandProps<P> = P & { env: PanelEnv };

/**
 * The fix dialog (preview, choices, per-op progress, outcome), which the panel shows only after a click:
 * the widget loads it from fixes.js with the fix engine; tests and the bench link `localFixViews` in.
 */
export interface FixViews {
  fixDialog: IslandView<IslandProps<FixDialogProps>>;
}

/** Loads the fix views (once: see runner/cached-loader). */
export type LoadFixViews = () => Promise<FixViews>;
