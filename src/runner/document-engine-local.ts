import { buildConfigurationDocument } from '../export/document';
import { preflight } from '../preflight/preflight';
import { preflightToCsv } from '../preflight/report';
import { buildImportTemplate } from '../preflight/template';
import type { DocumentEngine } from './document-engine';
import { readBlueprint } from '../blueprint/read';
import { DOCUMENT_WORDS } from '../blueprint/document-words';
import { localBlueprintEngine } from '../blueprint/engine-local';

/** The document engine linked in directly (CLI, tests, and the body of the widget's documents.js). */
export const localDocumentEngine: DocumentEngine = {
  buildConfigurationDocument,
  preflight,
  buildImportTemplate,
  preflightToCsv,
  readBlueprint: (bytes, fileName) => readBlueprint(bytes, fileName, DOCUMENT_WORDS),
  blueprint: localBlueprintEngine,
};
