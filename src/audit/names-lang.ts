/**
 * The language of the names a fix writes into the account (fields, options, stages). It follows the
 * account, never the viewer's screen: an admin reading the panel in English must not leave «Source»
 * in a Russian account.
 */
import { isLang, type Lang } from '../i18n/langs';
import { dataOf, FIELD_PARTS, type Snapshot } from '../snapshot/types';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/**
 * Letters that English never writes and that mark a Latin-script account as another language, in the order
 * they are tried: a Turkish account's own names carry ğ, ş, ı or İ («Görüşme», «Başarılı»), which no other
 * product language writes, so Turkish goes first (it shares ç with Portuguese); a Portuguese account's carry
 * ã, õ or ç («Negociação», «Ligação»). An English one carries none.
 */
const LATIN_MARKS: readonly (readonly [Lang, RegExp])[] = [
  ['tr', /[ğĞşŞıİ]/u],
  ['pt', /[ãõç]/iu],
];

/** The names the account's team (or the CRM, in the account's language) gave its stages and fields. */
function ownNames(snapshot: Snapshot): string[] {
  const stages = (dataOf(snapshot.parts.pipelines) ?? []).flatMap((p) =>
    (p._embedded?.statuses ?? []).map((s) => s.name),
  );
  // tracking_data fields (utm_source …) are named in Latin in every account.
  const fields = FIELD_PARTS.flatMap(({ part }) => dataOf(snapshot.parts[part]) ?? [])
    .filter((f) => f.type !== 'tracking_data')
    .map((f) => f.name);
  return [...stages, ...fields];
}

/** Among Latin-script names: the language whose marks appear in them, else en. */
function latinLang(latin: readonly string[]): Lang {
  return LATIN_MARKS.find(([, mark]) => latin.some((name) => mark.test(name)))?.[0] ?? 'en';
}

/** ru, or a Latin-script language, by which script most of the names are written in; null when they do not say. */
function scriptOf(names: readonly string[]): Lang | null {
  let ru = 0;
  const latin: string[] = [];
  for (const name of names) {
    if (CYRILLIC.test(name)) ru += 1;
    else if (LATIN.test(name)) latin.push(name);
  }
  return ru > latin.length ? 'ru' : latin.length > ru ? latinLang(latin) : null;
}

/**
 * Kommo's `account.language` when the API sends it (`pt_BR` reads as pt); otherwise the script of the
 * account's own stage and field names (Cyrillic → ru; Latin → tr or pt when marked as Turkish or Portuguese, else en);
 * `fallback` only when neither says.
 */
export function namesLang(snapshot: Snapshot, fallback: Lang): Lang {
  const code = dataOf(snapshot.parts.account)?.language?.slice(0, 2).toLowerCase();
  if (code !== undefined && isLang(code)) return code;
  return scriptOf(ownNames(snapshot)) ?? fallback;
}
