import { describe, expect, it } from 'vitest';
import { chooseLang, localeLang } from '../../src/cli/lang';
import { LANGS } from '../../src/i18n/langs';

describe('the CLI language rule: --lang, else SETUP_AUDIT_LANG, else the locale', () => {
  it.each([
    [[], {}, 'en'],
    [[], { LANG: 'C.UTF-8' }, 'en'],
    [[], { LANG: 'POSIX' }, 'en'],
    [[], { LANG: 'C' }, 'en'],
    [[], { LANG: 'ru_RU.UTF-8' }, 'ru'],
    [[], { LANG: 'de_DE.UTF-8' }, 'en'],
    [[], { LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' }, 'ru'],
    [[], { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'C' }, 'en'],
    [[], { LANG: 'ru_RU.UTF-8', LC_ALL: '' }, 'ru'],
    [[], { LANG: 'ru_RU.UTF-8', SETUP_AUDIT_LANG: 'en' }, 'en'],
    [[], { LANG: 'C.UTF-8', SETUP_AUDIT_LANG: 'ru' }, 'ru'],
    [['audit', '--lang', 'en'], { SETUP_AUDIT_LANG: 'ru', LANG: 'ru_RU.UTF-8' }, 'en'],
    [['audit', '--lang=ru'], { LANG: 'C.UTF-8' }, 'ru'],
    [['--lang', 'ru', 'audit'], {}, 'ru'],
    [['audit', '--', '--lang', 'ru'], {}, 'en'],
    [[], { LANG: 'pt_BR.UTF-8' }, 'pt'],
    [[], { LANG: 'pt_PT.UTF-8' }, 'pt'],
    [[], { LANG: 'C.UTF-8', SETUP_AUDIT_LANG: 'pt' }, 'pt'],
    [['audit', '--lang', 'pt'], { LANG: 'ru_RU.UTF-8' }, 'pt'],
    [['--lang=pt', 'fix'], { SETUP_AUDIT_LANG: 'en' }, 'pt'],
    [[], { LANG: 'es_ES.UTF-8' }, 'es'],
    [[], { LANG: 'es_AR.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8' }, 'ru'],
    [[], { LANG: 'ru_RU.UTF-8', SETUP_AUDIT_LANG: 'es' }, 'es'],
    [['audit', '--lang=es'], { SETUP_AUDIT_LANG: 'en' }, 'es'],
    [[], { LANG: 'tr_TR.UTF-8' }, 'tr'],
    [[], { LANG: 'en_US.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, 'tr'],
    [['fix', '--lang', 'tr'], { LANG: 'ru_RU.UTF-8' }, 'tr'],
  ] as const)('argv %j with env %j speaks %s', (argv, env, lang) => {
    expect(chooseLang(argv, env)).toEqual({ ok: true, lang });
  });

  it.each(LANGS)('%s: chosen by --lang, by SETUP_AUDIT_LANG and by the locale alike', (lang) => {
    const other = lang === 'ru' ? 'en' : 'ru';
    expect(chooseLang(['audit', '--lang', lang], { LANG: `${other}_XX.UTF-8` })).toEqual({ ok: true, lang });
    expect(chooseLang([], { SETUP_AUDIT_LANG: lang, LANG: `${other}_XX.UTF-8` })).toEqual({ ok: true, lang });
    expect(chooseLang([], { LANG: `${lang}_XX.UTF-8` })).toEqual({ ok: true, lang });
  });

  it('names a value it does not speak, and words the error in the next source down', () => {
    expect(chooseLang(['--lang', 'de'], { SETUP_AUDIT_LANG: 'ru' })).toEqual({
      ok: false,
      lang: 'ru',
      source: '--lang',
      value: 'de',
    });
    expect(chooseLang([], { SETUP_AUDIT_LANG: 'xx', LANG: 'ru_RU' })).toEqual({
      ok: false,
      lang: 'ru',
      source: 'SETUP_AUDIT_LANG',
      value: 'xx',
    });
    expect(chooseLang(['--lang'], {})).toMatchObject({ ok: false, source: '--lang', value: '' });
  });

  it('reads the language part of a locale only', () => {
    expect(localeLang({ LANG: 'ru' })).toBe('ru');
    expect(localeLang({ LANG: 'ru_UA.KOI8-U@euro' })).toBe('ru');
    expect(localeLang({ LANG: 'english' })).toBe('en');
  });
});
