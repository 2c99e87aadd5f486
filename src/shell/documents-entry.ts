// The AMD entry of documents.js: the document engine (XLSX via jszip, pre-flight), the pre-flight worker's
// client and the views of their answers, loaded by the panel on first use.
import { workerPreflight } from '../preflight/worker/client';
import { localDocumentEngine } from '../runner/document-engine-local';
import { localDocumentViews } from '../ui/document-views-local';
import type { DocumentsModule } from './documents-module';

const documents: DocumentsModule = { ...localDocumentEngine, workerPreflight, views: localDocumentViews };

export default documents;
