/**
 * Just enough XML reading for SpreadsheetML parts. A hand-written scanner, not regular expressions:
 * every character is looked at a bounded number of times, so a hostile part (an unclosed tag of
 * megabytes, thousands of unclosed elements) costs time linear in its size instead of quadratic.
 */

/** Counts the characters the scanner examined, so a test can assert the work stays linear. */
export interface ScanMeter {
  steps: number;
}

/** Thrown when a part is not well-formed enough to read (an unclosed tag, comment or quote). */
export class MalformedXmlError extends Error {}

/** An element found by `elements`: its attribute text and inner XML. */
export interface XmlElement {
  attrs: string;
  inner: string;
}

function find(xml: string, needle: string, from: number, meter?: ScanMeter): number {
  const at = xml.indexOf(needle, from);
  if (meter) meter.steps += (at < 0 ? xml.length : at + needle.length) - from;
  return at;
}

// XML name characters as SpreadsheetML uses them: letters, digits, `_ - . :` and anything non-ASCII.
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 45 ||
    c === 46 ||
    c === 58 ||
    c > 127
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Index of the `>` that ends the start tag whose attributes begin at `from` (quotes may hold `>`), or -1. */
function tagEnd(xml: string, from: number, meter?: ScanMeter): number {
  let i = from;
  while (i < xml.length) {
    const c = xml.charCodeAt(i);
    if (c === 62) break; // >
    if (c === 34 || c === 39) {
      // A quoted attribute value: jump to its closing quote.
      const close = find(xml, c === 34 ? '"' : "'", i + 1, meter);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    i++;
  }
  if (meter) meter.steps += i - from;
  return i < xml.length ? i : -1;
}

/** Where a markup declaration, comment, CDATA section or processing instruction at `lt` ends (exclusive). */
function skipSpecial(xml: string, lt: number, meter?: ScanMeter): number {
  const [open, close] = xml.startsWith('<!--', lt)
    ? ['<!--', '-->']
    : xml.startsWith('<![CDATA[', lt)
      ? ['<![CDATA[', ']]>']
      : xml.startsWith('<?', lt)
        ? ['<?', '?>']
        : ['<!', '>'];
  const end = find(xml, close, lt + open.length, meter);
  if (end < 0) throw new MalformedXmlError(`unclosed ${open}`);
  return end + close.length;
}

/** One element span: where it starts and ends in `xml`, its attribute text and inner XML. */
interface Span extends XmlElement {
  start: number;
  end: number;
}

function* spans(xml: string, name: string, meter?: ScanMeter): Generator<Span> {
  let pos = 0;
  for (;;) {
    const lt = find(xml, '<', pos, meter);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // <! or <?
      pos = skipSpecial(xml, lt, meter);
      continue;
    }
    let e = lt + 1;
    if (next === 47) e++; // a closing tag: step over its name like any other
    const nameStart = e;
    while (e < xml.length && isNameChar(xml.charCodeAt(e))) e++;
    if (meter) meter.steps += e - lt;
    const qname = xml.slice(nameStart, e);
    const colon = qname.lastIndexOf(':');
    if (next === 47 || (colon < 0 ? qname : qname.slice(colon + 1)) !== name) {
      pos = e;
      continue;
    }
    const gt = tagEnd(xml, e, meter);
    if (gt < 0) throw new MalformedXmlError(`unclosed <${qname}`);
    if (xml.charCodeAt(gt - 1) === 47) {
      yield { start: lt, end: gt + 1, attrs: xml.slice(e, gt - 1), inner: '' };
      pos = gt + 1;
      continue;
    }
    // The first matching end tag closes the element (SpreadsheetML never nests an element in itself).
    const closing = `</${qname}`;
    let close = find(xml, closing, gt + 1, meter);
    let closeEnd = -1;
    while (close >= 0) {
      let k = close + closing.length;
      while (k < xml.length && isSpace(xml.charCodeAt(k))) k++;
      if (meter) meter.steps += k - close - closing.length;
      if (xml.charCodeAt(k) === 62) {
        closeEnd = k + 1;
        break;
      }
      close = find(xml, closing, close + 1, meter);
    }
    // No end tag after this start tag means none after any later one either: stop, it is malformed.
    if (closeEnd < 0) throw new MalformedXmlError(`<${qname}> is never closed`);
    yield { start: lt, end: closeEnd, attrs: xml.slice(e, gt), inner: xml.slice(gt + 1, close) };
    pos = closeEnd;
  }
}

/** Elements `<name …>…</name>` or `<name …/>` with any namespace prefix: attribute text and inner XML. */
export function* elements(xml: string, name: string, meter?: ScanMeter): Generator<XmlElement> {
  for (const s of spans(xml, name, meter)) yield { attrs: s.attrs, inner: s.inner };
}

/** The first such element, or undefined. */
export function firstElement(xml: string, name: string, meter?: ScanMeter): XmlElement | undefined {
  for (const e of elements(xml, name, meter)) return e;
  return undefined;
}

/** Attributes of a start tag's attribute text, prefixes dropped (`r:id` → `id`, and kept as `r:id`). */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && !isNameChar(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    const key = text.slice(start, i);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (!key || text.charCodeAt(i) !== 61) continue; // no `=`: not an attribute, go on from here
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const q = text[i];
    if (q !== '"' && q !== "'") continue;
    const close = text.indexOf(q, i + 1);
    if (close < 0) break;
    const value = unescapeXml(text.slice(i + 1, close));
    i = close + 1;
    out[key] = value;
    const local = key.slice(key.lastIndexOf(':') + 1);
    if (!(local in out)) out[local] = value;
  }
  return out;
}

/** Decode entities and Excel's `_xHHHH_` escapes. */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_, e: string) => {
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
        default: {
          const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          // A reference outside Unicode is not XML; it stays as written rather than throwing.
          return code <= 0x10ffff ? String.fromCodePoint(code) : `&${e};`;
        }
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Concatenated text of the `<t>` runs inside (rich text keeps its runs, phonetic `<rPh>` is dropped). */
export function textOf(inner: string, meter?: ScanMeter): string {
  let cleaned = '';
  let from = 0;
  for (const s of spans(inner, 'rPh', meter)) {
    cleaned += inner.slice(from, s.start);
    from = s.end;
  }
  cleaned = from ? cleaned + inner.slice(from) : inner;
  let out = '';
  for (const t of elements(cleaned, 't', meter)) out += unescapeXml(t.inner);
  return out;
}
