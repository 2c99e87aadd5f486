import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/cli/dict';
import { createTranslator, type Lang } from '../../src/i18n/translate';
import { shownTimeLeft, timeLeftText } from '../../src/runner/time-left-text';
import type { TimeLeft } from '../../src/snapshot/time-left';

// The estimate in words, the same for the panel and the CLI: "about" only when the requests left are known.
const tl = (over: Partial<TimeLeft>): TimeLeft => ({
  running: ['contacts', 'leads'],
  requests: 84,
  rate: 6.9,
  requestsLeft: 300,
  secondsLeft: 43.5,
  basis: 'previous',
  ...over,
});
const text = (lang: Lang, over: Partial<TimeLeft>) =>
  timeLeftText(tl(over), createTranslator(dictionaryFor(lang), lang), lang);

describe('time left in words', () => {
  it.each<[string, Partial<TimeLeft>, ReturnType<typeof shownTimeLeft>]>([
    ['seconds go up in steps of 5', { secondsLeft: 43.5 }, { unit: 'seconds', count: 45 }],
    ['a little over a minute is still "1 minute"', { secondsLeft: 75 }, { unit: 'minutes', count: 1 }],
    ['minutes round to the nearest', { secondsLeft: 150 }, { unit: 'minutes', count: 3 }],
    ['under a second: almost done', { secondsLeft: 0.4, requestsLeft: 0 }, { unit: 'almost-done' }],
    [
      'no estimate, nothing known',
      { secondsLeft: null, requestsLeft: null, basis: 'unknown' },
      { unit: 'none', why: 'unknown' },
    ],
    [
      'no estimate, beyond last time',
      { secondsLeft: null, requestsLeft: null, basis: 'beyond-previous' },
      { unit: 'none', why: 'beyond-previous' },
    ],
  ])('%s', (_name, over, want) => {
    expect(shownTimeLeft(tl(over))).toEqual(want);
  });

  it.each<[Lang, Partial<TimeLeft>, string]>([
    ['en', {}, 'Still reading contacts and deals: 84 pages read at 6.9 requests/s · about 45 seconds left'],
    ['ru', {}, 'Ещё читаем контакты и сделки: прочитано 84 страницы, 6,9 запроса/с · осталось около 45 секунд'],
    [
      'en',
      { running: ['contacts'], requests: 1, secondsLeft: 61 },
      'Still reading contacts: 1 page read at 6.9 requests/s · about 1 minute left',
    ],
    [
      'ru',
      { running: ['contacts'], requests: 21, secondsLeft: 61 },
      'Ещё читаем контакты: прочитана 21 страница, 6,9 запроса/с · осталось около 1 минуты',
    ],
    [
      'en',
      { secondsLeft: null, requestsLeft: null, basis: 'unknown' },
      'Still reading contacts and deals: 84 pages read at 6.9 requests/s · no time estimate: no earlier audit of this account is kept to go by',
    ],
    [
      'en',
      { secondsLeft: null, requestsLeft: null, basis: 'beyond-previous' },
      'Still reading contacts and deals: 84 pages read at 6.9 requests/s · no time estimate: there is more to read than at the last audit',
    ],
    [
      'es',
      {},
      'Aún leyendo contactos y leads: 84 páginas leídas a 6,9 solicitudes/s · quedan aproximadamente 45 segundos',
    ],
    ['pt', {}, 'Ainda lendo contatos e leads: 84 páginas lidas a 6,9 requisições/s · faltam cerca de 45 segundos'],
  ])('%s: %j', (lang, over, want) => {
    expect(text(lang, over)).toBe(want);
  });

  it('says nothing while nothing runs or nothing was read yet', () => {
    expect(text('en', { running: [] })).toBeNull();
    expect(text('en', { requests: 0 })).toBeNull();
  });
});
