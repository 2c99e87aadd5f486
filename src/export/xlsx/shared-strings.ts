import { cutText, escapeXml, MAX_CELL_TEXT, XML_HEADER, NS_MAIN, xmlSafe } from './xml';

/** The shared string table: each distinct text stored once, indexed in first-use order. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  /** Index of the text, adding it on first use (cleaned for XML first, then cut to Excel's cell limit). */
  add(text: string): number {
    const value = cutText(xmlSafe(text), MAX_CELL_TEXT);
    this.uses++;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  /** sharedStrings.xml */
  toXml(): string {
    const items = this.list.map((s) => {
      // Leading/trailing spaces and line breaks survive only with xml:space="preserve".
      const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
      return `<si><t${preserve}>${escapeXml(s)}</t></si>`;
    });
    return `${XML_HEADER}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}
