/** Just enough XML reading for SpreadsheetML parts (regex over well-formed generator output). */

/** Attributes of a start tag's attribute text, prefixes dropped (`r:id` → `id`, and kept as `r:id`). */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const value = unescapeXml(m[3] ?? m[4] ?? '');
    out[m[1]!] = value;
    const local = m[1]!.split(':').pop()!;
    if (!(local in out)) out[local] = value;
  }
  return out;
}

/** Decode entities and Excel's `_xHHHH_` escapes. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case 'lt':
          return '<';
        case 'gt':
          return '>';
        case 'amp':
          return '&';
        case 'quot':
          return '"';
        case 'apos':
          return "'";
        default:
          return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Elements `<name …>…</name>` or `<name …/>` with any namespace prefix: attribute text and inner XML. */
export function* elements(xml: string, name: string): Generator<{ attrs: string; inner: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[1] ?? '', inner: m[2] ?? '' };
}

/** Concatenated text of the `<t>` runs inside (rich text keeps its runs, phonetic `<rPh>` is dropped). */
export function textOf(inner: string): string {
  const cleaned = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const t of elements(cleaned, 't')) out += unescapeXml(t.inner);
  return out;
}
