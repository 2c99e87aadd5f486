/** A document file, by its kind: `.json` is the JSON form, anything else is read as the XLSX. */
import { blueprintFromJson } from './json';
import type { ReadResult } from './problems';
import type { Blueprint } from './types';
import { blueprintFromXlsx } from './xlsx/read';
import type { DocumentDictionaries } from './xlsx/labels';

/** Reads a document from its bytes; refuses with every problem found. */
export async function readBlueprint(
  bytes: Uint8Array,
  fileName: string,
  dicts: DocumentDictionaries,
): Promise<ReadResult<Blueprint>> {
  if (/\.json$/i.test(fileName)) return blueprintFromJson(new TextDecoder().decode(bytes));
  return blueprintFromXlsx(bytes, dicts);
}
