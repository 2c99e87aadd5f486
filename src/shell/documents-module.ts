import type { workerPreflight } from '../preflight/worker/client';
import type { DocumentEngine } from '../runner/document-engine';
import type { DocumentViews } from '../ui/document-views';

/**
 * The value of documents.js: the document engine (XLSX, pre-flight, configuration documents), the client
 * of the pre-flight worker beside it, and the views of what the engine answers.
 */
export type DocumentsModule = DocumentEngine & {
  workerPreflight: typeof workerPreflight;
  views: DocumentViews;
};
