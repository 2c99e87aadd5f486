/**
 * The document's words in every product language, for reading a document where only one language's
 * dictionary is at hand (the widget has the CRM user's). Only the `export` namespace — sheet names,
 * column headers, entities, types, rights, yes/no — is what the XLSX reader recognises, so that is all
 * this carries; it lives in the lazily loaded documents chunk, never in script.js.
 */
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import id from '../../i18n/id.json';
import pt from '../../i18n/pt.json';
import ru from '../../i18n/ru.json';
import tr from '../../i18n/tr.json';
import type { Dictionary } from '../i18n/translate';
import type { DocumentDictionaries } from './xlsx/labels';

/** The reader's dictionaries: each language's `export` words. */
export const DOCUMENT_WORDS: DocumentDictionaries = {
  ru: { export: ru.export as Dictionary },
  en: { export: en.export as Dictionary },
  es: { export: es.export as Dictionary },
  pt: { export: pt.export as Dictionary },
  tr: { export: tr.export as Dictionary },
  id: { export: id.export as Dictionary },
};
