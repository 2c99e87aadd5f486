import { DocumentPlan } from './DocumentPlan';
import type { DocumentViews } from './document-views';
import { ImportOutcome } from './ImportOutcome';
import { islandOf } from './island-of';

/** The document views linked in directly (tests, the bench's page, and documents.js). */
export const localDocumentViews: DocumentViews = {
  importOutcome: islandOf(ImportOutcome),
  documentPlan: islandOf(DocumentPlan),
};
