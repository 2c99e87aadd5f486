// The CLI speaks every product language; the dictionaries live with the language list (src/i18n/).
export { allDictionaries, dictionaryFor, translatorFor } from '../i18n/dictionaries';
