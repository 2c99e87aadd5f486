import type { FixesModule } from './fixes-module';
import { hasFunctions, loadWidgetModule } from './load-module';

/** The file beside script.js that holds the fix engine and the fix dialog. */
export const FIXES_FILE = 'fixes.js';

/** The engine's functions and the dialog's island methods: what the panel calls in fixes.js. */
export const FIX_ENGINE_FUNCTIONS = ['applyFixes', 'undoFixes', 'planChoices', 'takenNames'] as const;
export const ISLAND_FUNCTIONS = ['render', 'unmount'] as const;

function isFixesModule(module: unknown): module is FixesModule {
  const value = module as Partial<FixesModule> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    hasFunctions(value.engine, FIX_ENGINE_FUNCTIONS) &&
    hasFunctions(value.views?.fixDialog, ISLAND_FUNCTIONS)
  );
}

/** Loads fixes.js from the widget's own folder (see loadWidgetModule). */
export async function loadFixesFrom(path: string): Promise<FixesModule> {
  return (await loadWidgetModule(path, FIXES_FILE, isFixesModule)).module;
}
