// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import ru from '../../i18n/ru.json';
import es from '../../i18n/es.json';
import pt from '../../i18n/pt.json';
import { AREAS } from '../../src/audit/types';
import { createTranslator, type Dictionary, type Lang } from '../../src/i18n/translate';
import { one, mountReady, t, unmountAll } from './harness';
import { items, reportFixture, result } from './fixtures';

// What a screen reader announces and a voice command has to match: names that start with the words on
// screen, plurals that agree, regions named by what they are.
afterEach(unmountAll);

const tr = (dict: unknown, lang: Lang) => createTranslator(dict as Dictionary, lang);

describe('accessible names', () => {
  it('a Top fixes button is named by the word on it first, then the finding and its points', async () => {
    const results = [
      result('a-high', 'fields', 'fail', 'high', { fix: { kind: 'confirm', ops: 1 }, items: items('field', 2) }),
      result('d-low', 'rights', 'fail', 'low'),
    ];
    const { el } = await mountReady({ reports: [reportFixture({ results })] });
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('[data-top-fix] button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Fix', 'Show']);
    for (const b of buttons) {
      const name = b.getAttribute('aria-label')!;
      const item = b.closest('[data-top-fix]')!;
      expect(name.startsWith(`${b.textContent}: `)).toBe(true);
      expect(name).toContain(one(item, '.sa-top__name').textContent!);
      expect(name).toContain(`+${item.getAttribute('data-gain')} point`);
    }
  });

  it.each([
    [ru, 'ru', 1, '+1 балл'],
    [ru, 'ru', 3, '+3 балла'],
    [ru, 'ru', 7, '+7 баллов'],
    [es, 'es', 1, '+1 punto'],
    [es, 'es', 7, '+7 puntos'],
    [pt, 'pt', 1, '+1 ponto'],
    [pt, 'pt', 7, '+7 pontos'],
  ] as const)('%#: the points in a Top fixes name agree with their number (%s, %i)', (dict, lang, count, said) => {
    const name = tr(dict, lang)('ui.overview.topFixLabel', { action: 'X', title: 'T', count });
    expect(name.endsWith(said)).toBe(true);
  });

  it('an area is a region named by the area alone; its heading button says counts and score too', async () => {
    const { el } = await mountReady();
    for (const area of AREAS) {
      const section = one(el, `section[data-area="${area}"]`);
      const label = one(el, `#${section.getAttribute('aria-labelledby')}`);
      expect(label.textContent).toBe(t(`areas.${area}`));
      const toggle = one(section, '[data-action="toggle-area"]');
      expect(toggle.textContent).toContain(t(`areas.${area}`));
      expect(toggle.querySelector('.sa-visually-hidden')?.textContent).toMatch(/^Area score: /);
    }
  });
});
