// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { hostLang } from '../../src/shell/host-context';

afterEach(() => {
  delete globalThis.APP;
  document.documentElement.lang = '';
});

describe("the widget's language follows the CRM user's", () => {
  it.each([
    ['ru', 'ru'],
    ['en', 'en'],
    ['pt', 'pt'],
    ['pt_BR', 'pt'],
    ['pt-BR', 'pt'],
    ['PT', 'pt'],
    ['de', 'en'],
  ] as const)('APP.lang_id %s → %s', (langId, want) => {
    globalThis.APP = { constant: (() => undefined) as never, lang_id: langId };
    expect(hostLang()).toBe(want);
  });

  it('reads the page language when APP has none, and is ru when nothing says', () => {
    document.documentElement.lang = 'pt-BR';
    expect(hostLang()).toBe('pt');
    document.documentElement.lang = '';
    expect(hostLang()).toBe('ru');
  });
});
