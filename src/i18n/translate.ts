import type { Lang } from './langs';

export type { Lang } from './langs';

/** A nested i18n dictionary as stored in i18n/<lang>.json. */
export type Dictionary = { [key: string]: string | Dictionary };

/** Translate a dotted key with `{param}` interpolation. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

function lookup(dict: Dictionary, key: string): string | Dictionary | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

function isPluralNode(node: Dictionary): boolean {
  return 'other' in node && Object.keys(node).every((k) => PLURAL_FORMS.includes(k));
}

/**
 * Build a translator over one language's dictionary. Plural forms are objects with
 * Intl.PluralRules categories (`one`, `few`, `many`, `other`) chosen by `params.count`.
 * A missing key renders as the key itself so a gap is visible, never a crash.
 */
export function createTranslator(dict: Dictionary, lang: Lang): Translate {
  const plurals = new Intl.PluralRules(lang);
  return (key, params) => {
    let node = lookup(dict, key);
    if (node !== undefined && typeof node !== 'string' && isPluralNode(node)) {
      const count = Number(params?.count ?? 0);
      node = node[plurals.select(count)] ?? node.other;
    }
    if (typeof node !== 'string') return key;
    if (!params) return node;
    return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
