import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/translate';

// A private-use character: it stands in for each name while the sentence is put together, then the
// name goes back in as an element of its own.
const MARK = '\uE000';
// `count` picks the plural form: it must reach the translator as it is.
const KEEP = new Set(['count']);

/**
 * A sentence built by `render` with every text parameter in it (the account's names: fields, stages,
 * users, roles) in a <bdi> of its own. An Arabic or Hebrew name then keeps its quotes, and the
 * numbers and colons after it stay where the sentence put them: «نوع الصفقة»: 1 opción, not
 * «1 :نوع الصفقة» opción. The text is exactly what `render(t)` returns; a name that happens to hold
 * the marker character leaves the sentence as plain text.
 */
export function isolated(t: Translate, render: (t: Translate) => string): ComponentChildren {
  const names: string[] = [];
  const marking: Translate = (key, params) => {
    if (!params) return t(key);
    const marked: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      // A value that already holds marks is a sentence put together here: its names are marked inside it.
      if (typeof value !== 'string' || value === '' || KEEP.has(name) || value.includes(MARK)) {
        marked[name] = value;
        continue;
      }
      marked[name] = `${MARK}${names.length}${MARK}`;
      names.push(value);
    }
    return t(key, marked);
  };
  const parts = render(marking).split(MARK);
  if (parts.length === 1) return parts[0];
  // Odd parts are a name's index; anything else means a name carried the marker itself.
  const valid =
    parts.length % 2 === 1 && parts.every((p, i) => i % 2 === 0 || (/^\d+$/.test(p) && Number(p) < names.length));
  if (!valid) return render(t);
  return parts.map((part, i) => (i % 2 === 0 ? part : <bdi key={i}>{names[Number(part)]}</bdi>));
}

/** One message with its names isolated: `isolated` for a single key. */
export function saidIsolated(t: Translate, key: string, params?: Record<string, string | number>): ComponentChildren {
  return isolated(t, (tr) => tr(key, params));
}
