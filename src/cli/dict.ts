import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import pt from '../../i18n/pt.json';
import ru from '../../i18n/ru.json';
import { createTranslator, type Dictionary, type Lang, type Translate } from '../i18n/translate';

// Bundled into the CLI rather than read from disk, so the installed package finds them wherever it lands.
const DICTIONARIES: Record<Lang, Dictionary> = {
  ru: ru as Dictionary,
  en: en as Dictionary,
  es: es as Dictionary,
  pt: pt as Dictionary,
};

/** The i18n dictionary the widget ships (i18n/<lang>.json). */
export function dictionaryFor(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

/** A translator for the CLI's language. */
export function translatorFor(lang: Lang): Translate {
  return createTranslator(dictionaryFor(lang), lang);
}
