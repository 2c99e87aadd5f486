import type { DocumentPlanProps } from './DocumentPlan';
import type { ImportOutcomeProps } from './ImportOutcome';
import type { IslandProps, IslandView } from './island';

/**
 * The views of what the document engine answered: an import check's result and a configuration document's
 * plan (then its apply, op by op). Each shows only after documents.js has loaded (the check and the plan
 * come from it), so the widget carries them there; tests and the bench link `localDocumentViews` in.
 */
export interface DocumentViews {
  importOutcome: IslandView<IslandProps<ImportOutcomeProps>>;
  documentPlan: IslandView<IslandProps<DocumentPlanProps>>;
}

/** Loads the document views (once: see runner/cached-loader). */
export type LoadDocumentViews = () => Promise<DocumentViews>;
