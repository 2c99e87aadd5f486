/**
 * The product's languages: the one list every part reads (translator, CLI, widget, emulator page, document
 * reader, baseline names, the names a fix writes). The order is the order every language list keeps.
 *
 * To add a language: put its code here (as Kommo's `account.language` and `APP.lang_id` spell it), write
 * i18n/<code>.json with every key of en.json, add the code to manifest.json `widget.locale`, and import the
 * file where the compiler then asks for it (src/cli/dict.ts, src/blueprint/document-words.ts: both are
 * `Record<Lang, …>`). Baseline names in the new language are optional: a text without them reads as en.
 */
export const LANGS = ['ru', 'en', 'es', 'pt', 'tr', 'id'] as const;

/** A product language (pt is Portuguese as Kommo's Brazilian interface writes it; tr is Turkish, as Kommo's Turkish one). */
export type Lang = (typeof LANGS)[number];

/** True when `value` is one of the product's language codes. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
