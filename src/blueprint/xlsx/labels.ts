/**
 * The document's words in every product language, read back: a sheet, a column header, an entity, a field type,
 * a rights letter or yes/no is recognised whichever language the document was written in (or as the
 * API's own code), so an edited document reads whatever the editor's language.
 */
import { FIELD_ENTITIES } from '../../api/dto';
import type { FieldEntity, RightLetter } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { createTranslator, type Dictionary, type Lang, type Translate } from '../../i18n/translate';

/** The dictionaries a document can be written in: one per product language. */
export type DocumentDictionaries = Record<Lang, Dictionary>;

/** Reverse look-ups over every language. */
export interface Labels {
  /** Every translation of a key, normalised. */
  all(key: string, params?: Record<string, string | number>): string[];
  /** The code whose label (in any language) or code is `text`. */
  code<C extends string>(prefix: string, codes: readonly C[], text: string): C | undefined;
  entity(text: string): FieldEntity | undefined;
  right(text: string): RightLetter | undefined;
  /** true / false, or undefined when the cell is not a yes/no. */
  yesNo(text: string): boolean | undefined;
  /** The translators, one per language (ru first). */
  ts: Translate[];
}

const ENTITIES = FIELD_ENTITIES;
const LETTERS = ['A', 'G', 'M', 'D', 'L'] as const;
const TRUE = ['1', 'true', 'x', '✓', '✔', '+', 'да', 'yes', 'y', 'д', 'sí', 'si', 's'];
const FALSE = ['0', 'false', '-', '—', 'нет', 'no', 'n', 'н'];

/** Labels over the dictionaries. */
export function labelsOf(dicts: DocumentDictionaries): Labels {
  const ts = (Object.keys(dicts) as Lang[]).map((lang) => createTranslator(dicts[lang], lang));
  const all = (key: string, params?: Record<string, string | number>) => ts.map((t) => normalizeName(t(key, params)));
  const code = <C extends string>(prefix: string, codes: readonly C[], text: string): C | undefined => {
    const n = normalizeName(text);
    return codes.find((c) => normalizeName(c) === n || all(`${prefix}.${c}`).includes(n));
  };
  return {
    all,
    code,
    entity: (text) => code('export.entity', ENTITIES, text),
    right: (text) => code('export.right', LETTERS, text),
    yesNo: (text) => {
      const n = normalizeName(text);
      if (TRUE.includes(n) || all('export.yes').includes(n)) return true;
      if (n === '' || FALSE.includes(n) || all('export.no').includes(n)) return false;
      return undefined;
    },
    ts,
  };
}
