import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/cli/dict';
import { progressLine } from '../../src/cli/progress';
import { createTranslator, type Lang } from '../../src/i18n/translate';
import type { GatherProgress } from '../../src/snapshot/gather';
import { memoryIo } from '../support/cli-io';

// The CLI's progress line shows the panel's time-left text while the data scan runs, on a terminal only.
const scanning = (over: Partial<GatherProgress['timeLeft']> = {}): GatherProgress => ({
  partsDone: 13,
  partsTotal: 15,
  requests: 60,
  timeLeft: {
    running: ['contacts'],
    requests: 40,
    rate: 7,
    requestsLeft: 210,
    secondsLeft: 30,
    basis: 'previous',
    ...over,
  },
});

function line(p: GatherProgress, opts: { tty?: boolean; columns?: number; lang?: Lang } = {}) {
  const { io, out } = memoryIo();
  io.stderrTTY = opts.tty ?? true;
  if (opts.columns) io.stderrColumns = opts.columns;
  const lang = opts.lang ?? 'en';
  const progress = progressLine(io, createTranslator(dictionaryFor(lang), lang), lang);
  progress.update(p);
  const shown = out.stderr;
  progress.done();
  return { shown, after: out.stderr };
}

describe('the CLI progress line', () => {
  it.each<[string, GatherProgress, Lang, string]>([
    [
      'with the time left, in the chosen language',
      scanning(),
      'en',
      'Gathering: 13 of 15 parts, 60 requests — Still reading contacts: 40 pages read at 7.0 requests/s · about 30 seconds left',
    ],
    [
      'Russian',
      scanning(),
      'ru',
      'Сбор данных: 13 из 15 частей, запросов: 60 — Ещё читаем контакты: прочитано 40 страниц, 7,0 запроса/с · осталось около 30 секунд',
    ],
    [
      'nothing known: pages and rate, no invented time',
      scanning({ requestsLeft: null, secondsLeft: null, basis: 'unknown' }),
      'en',
      'Gathering: 13 of 15 parts, 60 requests — Still reading contacts: 40 pages read at 7.0 requests/s · no time estimate: no earlier audit of this account is kept to go by',
    ],
    [
      'before any part is in, the parts only',
      { ...scanning(), partsDone: 0 },
      'en',
      'Gathering: 0 of 15 parts, 60 requests',
    ],
  ])('%s', (_name, p, lang, want) => {
    const { shown, after } = line(p, { lang });
    expect(shown).toBe(`\r\x1b[K${want}`);
    // Cleared at the end, so the report starts on a clean line.
    expect(after.endsWith('\r\x1b[K')).toBe(true);
  });

  it('is cut to the terminal’s width (a wrapped line could not be rewritten in place)', () => {
    const { shown } = line(scanning(), { columns: 50 });
    const text = shown.replace('\r\x1b[K', '');
    expect([...text].length).toBe(49);
    expect(text.endsWith('…')).toBe(true);
  });

  it('says nothing when stderr is not a terminal', () => {
    expect(line(scanning(), { tty: false })).toEqual({ shown: '', after: '' });
  });
});
