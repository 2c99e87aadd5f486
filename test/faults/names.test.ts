import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/export/json';
import { renderText } from '../../src/cli/render/text';
import { translatorFor } from '../../src/cli/dict';
import { cleanMessy, faultyAccount } from './harness';

const LONG = `Очень длинное имя ${'ж'.repeat(10_000 - 18)}`;
const HTML = '<img src=x onerror=alert(1)><b>Менеджер</b> & "co"';
const EMOJI = 'Партнёры 🤝🏽 👩‍👩‍👧 ✨';

describe('names of 10,000 characters, with HTML or with emoji', () => {
  it('the audit completes with the same outcomes, and every item carries the names verbatim, as text', async () => {
    expect(LONG).toHaveLength(10_000);
    const clean = await cleanMessy();
    const { emulator, audit } = faultyAccount();
    const store = emulator.store;
    const renames: [string, string][] = [];
    const rename = (rec: { name: string }, to: string) => {
      renames.push([rec.name, to]);
      rec.name = to;
    };
    store.users.forEach((u, i) => rename(u, `${[LONG, HTML, EMOJI][i % 3]!} #${i}`));
    rename(store.roles.find((r) => r.name === 'Менеджер')!, HTML);
    rename(store.pipelines.find((p) => p.name === 'Партнёры')!, EMOJI);
    rename(store.fields.leads.find((f) => f.name === 'Тип объекта')!, LONG);

    const { report } = await audit();
    expect(report.results.filter((r) => r.outcome === 'error')).toEqual([]);
    expect(report.results.map((r) => [r.ruleId, r.outcome, r.items.map((i) => i.id)])).toEqual(
      clean.report.results.map((r) => [r.ruleId, r.outcome, r.items.map((i) => i.id)]),
    );
    // Each item's text is the fault-free text with the old names replaced by the new ones — nothing cut, escaped or lost.
    const texts = (r: typeof report) =>
      r.results.flatMap((x) => x.items.map((i) => (i as { text?: string }).text ?? ''));
    const expected = texts(clean.report).map((t) =>
      renames.reduce(
        (s, [from, to]) =>
          s
            .replaceAll(`“${from}”`, `“${to}”`)
            .replaceAll(`${from} (`, `${to} (`)
            .replaceAll(`${from}:`, `${to}:`)
            // A stage is named "Pipeline / Stage" (idle-open-leads).
            .replaceAll(`${from} / `, `${to} / `),
        t,
      ),
    );
    expect(texts(report)).toEqual(expected);
    expect(texts(report).some((t) => t.includes(LONG))).toBe(true);
    expect(texts(report).some((t) => t.includes(HTML))).toBe(true);
    expect(texts(report).some((t) => t.includes(EMOJI))).toBe(true);

    // The JSON export round-trips them, and the terminal text shows them.
    expect(JSON.parse(reportToJson(report)).results).toEqual(JSON.parse(JSON.stringify(report.results)));
    const text = renderText(report, translatorFor('en'), false);
    expect(text).toContain(HTML);
    expect(text).toContain(EMOJI);
  });
});
