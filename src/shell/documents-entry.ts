// The AMD entry of documents.js: the document engine (XLSX via jszip, pre-flight), loaded by the panel on first use.
import { localDocumentEngine } from '../runner/document-engine-local';

export default localDocumentEngine;
