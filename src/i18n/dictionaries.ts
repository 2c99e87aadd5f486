/**
 * Every language's whole dictionary, for the Node faces (CLI, the emulator's host page, tests). Bundled
 * rather than read from disk, so the installed CLI finds them wherever it lands. The widget never imports
 * this: it gets the CRM user's dictionary from the host (`self.i18n`), and its document reader only the
 * `export` words (blueprint/document-words.ts).
 */
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import id from '../../i18n/id.json';
import pt from '../../i18n/pt.json';
import ru from '../../i18n/ru.json';
import tr from '../../i18n/tr.json';
import type { Lang } from './langs';
import { createTranslator, type Dictionary, type Translate } from './translate';

// Record<Lang, …>: a language added to LANGS without its file here does not compile.
const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = {
  ru: ru as Dictionary,
  en: en as Dictionary,
  es: es as Dictionary,
  pt: pt as Dictionary,
  tr: tr as Dictionary,
  id: id as Dictionary,
};

/** The i18n dictionary the widget ships (i18n/<lang>.json). */
export function dictionaryFor(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

/** Every language's dictionary, keyed by language (what a document reader that accepts any language needs). */
export function allDictionaries(): Readonly<Record<Lang, Dictionary>> {
  return DICTIONARIES;
}

/** A translator for one language. */
export function translatorFor(lang: Lang): Translate {
  return createTranslator(dictionaryFor(lang), lang);
}
