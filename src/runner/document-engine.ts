import type { buildConfigurationDocument } from '../export/document';
import type { preflight } from '../preflight/preflight';
import type { preflightToCsv } from '../preflight/report';
import type { buildImportTemplate } from '../preflight/template';
import type { ReadResult } from '../blueprint/problems';
import type { Blueprint } from '../blueprint/types';
import type { BlueprintEngine } from '../blueprint/engine';

/**
 * The document half of the product: XLSX writing and reading (jszip), the configuration document,
 * the import pre-flight and its template. Types only here, so that the widget's script.js does not
 * carry it: the widget loads it on first use as a second AMD module (documents.js), the CLI imports it.
 */
export interface DocumentEngine {
  buildConfigurationDocument: typeof buildConfigurationDocument;
  preflight: typeof preflight;
  buildImportTemplate: typeof buildImportTemplate;
  preflightToCsv: typeof preflightToCsv;
  /** Reads a configuration document file (XLSX in any product language, or its JSON form). */
  readBlueprint: (bytes: Uint8Array, fileName: string) => Promise<ReadResult<Blueprint>>;
  /** Plan, apply and compare a configuration document (the orchestrator's document steps). */
  blueprint: BlueprintEngine;
}

/** Loads the document engine (once: see cachedLoader). */
export type LoadDocumentEngine = () => Promise<DocumentEngine>;
