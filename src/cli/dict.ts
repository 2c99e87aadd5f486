import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator, type Dictionary, type Lang, type Translate } from '../i18n/translate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = new Map<Lang, Dictionary>();

/** The i18n dictionary the widget ships (i18n/<lang>.json). */
export function dictionaryFor(lang: Lang): Dictionary {
  let dict = cache.get(lang);
  if (!dict) {
    dict = JSON.parse(readFileSync(join(root, 'i18n', `${lang}.json`), 'utf8')) as Dictionary;
    cache.set(lang, dict);
  }
  return dict;
}

/** A translator for the CLI's language. */
export function translatorFor(lang: Lang): Translate {
  return createTranslator(dictionaryFor(lang), lang);
}
