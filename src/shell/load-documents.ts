import type { DocumentEngine } from '../runner/document-engine';
import { WORKER_FILE } from '../preflight/worker/protocol';
import type { DocumentViews } from '../ui/document-views';
import type { DocumentsModule } from './documents-module';
import { hasFunctions, loadWidgetModule } from './load-module';

const DOCUMENTS_FILE = 'documents.js';

function isDocumentsModule(module: unknown): module is DocumentsModule {
  const value = module as Partial<DocumentsModule> | null;
  return (
    hasFunctions(value, ['buildConfigurationDocument', 'preflight', 'workerPreflight']) &&
    hasFunctions(value?.views?.importOutcome, ['render', 'unmount']) &&
    hasFunctions(value?.views?.documentPlan, ['render', 'unmount'])
  );
}

/** Loads documents.js from the widget's own folder (see loadWidgetModule): its engine and its views. */
export async function loadDocumentsFrom(path: string): Promise<{ engine: DocumentEngine; views: DocumentViews }> {
  const { module, base } = await loadWidgetModule(path, DOCUMENTS_FILE, isDocumentsModule);
  const { workerPreflight, views, ...engine } = module;
  // The pre-flight runs in a worker from the same folder, so the CRM page never freezes; the
  // engine just loaded is its fallback when the page does not allow a worker.
  const preflight = workerPreflight({ scriptUrl: `${base}/${WORKER_FILE}`, fallback: engine.preflight });
  return { engine: { ...engine, preflight }, views };
}
