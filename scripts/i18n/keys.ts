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

/** The distinct placeholders (`{name}`) of a text (of all its plural forms), sorted, for comparing languages. */
function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');
}

/**
 * Every problem: keys missing from or extra in a language (against ru.json, the reference), plural forms
 * that differ, empty texts, placeholders that differ from ru's, used keys without text, orphan texts.
 * `dicts` holds every i18n/<lang>.json; ru must be among them.
 */
export function findI18nProblems(input: { dicts: Record<string, Dict>; root: string }): string[] {
  const problems: string[] = [];
  const reference = input.dicts.ru;
  if (!reference) return ['i18n/ru.json: missing (the reference dictionary)'];
  const ru = leafKeys(reference);
  // The marketplace wants identical structures, plural forms included (English keeps few/many as copies).
  const full = (d: Dict, prefix = ''): string[] =>
    Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : full(v, `${prefix}${k}.`)));
  const ruFull = new Set(full(reference));
  for (const [lang, dict] of Object.entries(input.dicts)) {
    if (lang === 'ru') continue;
    const other = leafKeys(dict);
    const otherFull = new Set(full(dict));
    const formDiff = [...ruFull]
      .filter((k) => !otherFull.has(k))
      .concat([...otherFull].filter((k) => !ruFull.has(k)))
      .filter((k) => ru.has(k.slice(0, k.lastIndexOf('.'))));
    if (formDiff.length)
      problems.push(
        `${lang}.json: plural forms differ from ru.json (e.g. ${formDiff.slice(0, 3).join(', ')}): run node scripts/i18n/align-plurals.mjs`,
      );
    for (const k of ru.keys()) if (!other.has(k)) problems.push(`${k}: in ru.json, missing in ${lang}.json`);
    for (const k of other.keys()) if (!ru.has(k)) problems.push(`${k}: in ${lang}.json, not in ru.json`);
    for (const [k, v] of other) {
      const ref = ru.get(k);
      // A text that drops or invents a placeholder shows a raw {name} or loses a number.
      if (ref !== undefined && placeholders(ref) !== placeholders(v))
        problems.push(
          `${k}: placeholders in ${lang}.json (${placeholders(v)}) differ from ru.json (${placeholders(ref)})`,
        );
    }
  }
  for (const [lang, dict] of Object.entries(input.dicts)) {
    for (const [k, v] of leafKeys(dict)) if (!v.trim()) problems.push(`${k}: empty text in ${lang}.json`);
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
