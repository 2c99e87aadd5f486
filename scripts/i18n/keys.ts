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

/** Every problem: keys in one language only, empty texts, used keys without text, orphan texts. */
export function findI18nProblems(input: { ru: Dict; en: Dict; root: string }): string[] {
  const problems: string[] = [];
  const ru = leafKeys(input.ru);
  const en = leafKeys(input.en);
  // The marketplace wants identical structures, plural forms included (English keeps few/many as copies).
  const full = (d: Dict, prefix = ''): string[] =>
    Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : full(v, `${prefix}${k}.`)));
  const enFull = new Set(full(input.en));
  const ruFull = new Set(full(input.ru));
  const formDiff = [...ruFull]
    .filter((k) => !enFull.has(k))
    .concat([...enFull].filter((k) => !ruFull.has(k)))
    .filter((k) => ru.has(k.slice(0, k.lastIndexOf('.'))));
  if (formDiff.length)
    problems.push(
      `plural forms differ (e.g. ${formDiff.slice(0, 3).join(', ')}): run node scripts/i18n/align-plurals.mjs`,
    );
  for (const k of ru.keys()) if (!en.has(k)) problems.push(`${k}: in ru.json only`);
  for (const k of en.keys()) if (!ru.has(k)) problems.push(`${k}: in en.json only`);
  for (const [lang, map] of [
    ['ru', ru],
    ['en', en],
  ] as const) {
    for (const [k, v] of map) if (!v.trim()) problems.push(`${k}: empty text in ${lang}.json`);
  }
  const source = sourceFiles(join(input.root, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const literals = new Set<string>();
  for (const m of source.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+\.?)['"`$]/gi)) literals.add(m[1] ?? '');
  const namespaces = new Set(Object.keys(input.ru));
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
