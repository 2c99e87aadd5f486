/**
 * The language of the names a fix writes into the account (fields, options, stages). It follows the
 * account, never the viewer's screen: an admin reading the panel in English must not leave «Source»
 * in a Russian account.
 */
import type { Lang } from '../i18n/translate';
import { dataOf, FIELD_PARTS, type Snapshot } from '../snapshot/types';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

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

/** Which script most of the names are written in; null when they do not say. */
function scriptOf(names: readonly string[]): 'cyrillic' | 'latin' | null {
  let ru = 0;
  let en = 0;
  for (const name of names) {
    if (CYRILLIC.test(name)) ru += 1;
    else if (LATIN.test(name)) en += 1;
  }
  return ru > en ? 'cyrillic' : en > ru ? 'latin' : null;
}

/**
 * Kommo's `account.language` when the API sends it (ru, en or es); otherwise the script of the account's own
 * stage and field names (Cyrillic → ru, Latin → en); `fallback` only when neither says. The script cannot
 * tell Spanish from English, and the viewer's language must not decide, so Spanish names are written only
 * when Kommo says es (or --names-lang es asks for them).
 */
export function namesLang(snapshot: Snapshot, fallback: Lang): Lang {
  const language = dataOf(snapshot.parts.account)?.language;
  if (language === 'ru' || language === 'en' || language === 'es') return language;
  const script = scriptOf(ownNames(snapshot));
  return script === 'cyrillic' ? 'ru' : script === 'latin' ? 'en' : fallback;
}
