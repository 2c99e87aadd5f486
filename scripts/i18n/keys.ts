/** Key checks over the i18n dictionaries and the source tree. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Dict = { [k: string]: string | Dict };

const PLURAL = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
/**
 * Namespaces whose keys are composed at run time (rule ids, areas, outcomes, failure kinds) or read by the CRM.
 * `items.` keys are built from each rule's `meta.messages`; test/audit/i18n.test.ts checks them both ways.
 */
const DYNAMIC = [
  'items.',
  'widget.',
  'settings.',
  'advanced.',
  'rules.',
  'areas.',
  'outcomes.',
  'severity.',
  'parts.',
  'errors.',
];

/** Flattened leaf keys; plural forms collapse into their parent key. */
export function leafKeys(dict: Dict, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(dict)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Object.keys(v).length && Object.keys(v).every((x) => PLURAL.has(x))) {
      out.set(key, Object.values(v).join('|'));
    } else for (const [kk, vv] of leafKeys(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The `{param}` names a text (all plural forms together) interpolates, sorted. */
function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(', ');
}

/** Every dotted path of a dictionary, plural forms included (the marketplace wants identical structures). */
function fullPaths(d: Dict, prefix = ''): string[] {
  return Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : fullPaths(v, `${prefix}${k}.`)));
}

/**
 * Every problem: a language without ru's keys (ru is the reference: the code's texts are written against it), plural
 * forms that differ, empty texts, a text whose `{params}` differ from ru's, used keys without text, orphan texts,
 * a file in i18n/ the manifest's `locale` does not list (or a listed locale without its file), and a manifest
 * `locale` that is not the product's language list (src/i18n/langs.ts), in its order.
 */
export function findI18nProblems(input: {
  dicts: Record<string, Dict>;
  locale: readonly string[];
  /** The product's language list; the manifest must ship exactly these. */
  langs: readonly string[];
  root: string;
}): string[] {
  const problems: string[] = [];
  if (input.locale.join(',') !== input.langs.join(','))
    problems.push(
      `manifest.json widget.locale [${input.locale.join(', ')}] is not src/i18n/langs.ts LANGS [${input.langs.join(', ')}]`,
    );
  const reference = input.dicts.ru;
  if (!reference) return ['i18n/ru.json: missing (it is the reference every language is checked against)'];
  const langs = Object.keys(input.dicts);
  for (const lang of langs)
    if (!input.locale.includes(lang)) problems.push(`i18n/${lang}.json: not in manifest.json widget.locale`);
  for (const lang of input.locale)
    if (!input.dicts[lang]) problems.push(`${lang}: in manifest.json widget.locale but i18n/${lang}.json is missing`);
  const ru = leafKeys(reference);
  const ruFull = new Set(fullPaths(reference));
  for (const lang of langs) {
    const dict = input.dicts[lang]!;
    const map = leafKeys(dict);
    if (lang !== 'ru') {
      const full = new Set(fullPaths(dict));
      const formDiff = [...ruFull]
        .filter((k) => !full.has(k))
        .concat([...full].filter((k) => !ruFull.has(k)))
        .filter((k) => ru.has(k.slice(0, k.lastIndexOf('.'))));
      if (formDiff.length)
        problems.push(
          `${lang}: plural forms differ from ru (e.g. ${formDiff.slice(0, 3).join(', ')}): run node scripts/i18n/align-plurals.mjs`,
        );
      for (const k of ru.keys()) if (!map.has(k)) problems.push(`${k}: in ru.json but not in ${lang}.json`);
      for (const k of map.keys()) if (!ru.has(k)) problems.push(`${k}: in ${lang}.json only`);
      for (const [k, v] of map) {
        const want = ru.get(k);
        if (want !== undefined && placeholders(v) !== placeholders(want))
          problems.push(`${k}: ${lang}.json interpolates {${placeholders(v)}}, ru.json {${placeholders(want)}}`);
      }
    }
    for (const [k, v] of map) if (!v.trim()) problems.push(`${k}: empty text in ${lang}.json`);
  }
  const source = sourceFiles(join(input.root, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const literals = new Set<string>();
  for (const m of source.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+\.?)['"`$]/gi)) literals.add(m[1] ?? '');
  const namespaces = new Set(Object.keys(reference));
  for (const lit of literals) {
    if (lit.endsWith('.') || !namespaces.has(lit.split('.')[0] ?? '')) continue;
    if (DYNAMIC.some((d) => lit.startsWith(d))) continue;
    if (!ru.has(lit) && ![...ru.keys()].some((k) => k.startsWith(`${lit}.`)))
      problems.push(`${lit}: used in src/ but has no text`);
  }
  for (const key of ru.keys()) {
    if (DYNAMIC.some((d) => key.startsWith(d))) continue;
    const parts = key.split('.');
    const used = parts.some((_, i) => {
      const prefix = parts.slice(0, i + 1).join('.');
      return literals.has(prefix) || literals.has(`${prefix}.`);
    });
    if (!used) problems.push(`${key}: orphan text (not referenced from src/)`);
  }
  return problems;
}
