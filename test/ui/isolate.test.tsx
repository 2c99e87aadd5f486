// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import es from '../../i18n/es.json';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { changeText } from '../../src/ui/change-text';
import { isolated, saidIsolated } from '../../src/ui/isolate';

const t = createTranslator(es as unknown as Dictionary, 'es');

function shown(children: ReturnType<typeof isolated>): HTMLElement {
  const el = document.createElement('p');
  render(<>{children}</>, el);
  return el;
}

const bdis = (el: HTMLElement) => [...el.querySelectorAll('bdi')].map((b) => b.textContent);

// Names as the account holds them: right-to-left, markup-looking, long, and plain.
const ARABIC = 'نوع الصفقة';
const MARKUP = '<b>Жирное</b> <img src=x onerror=alert(1)>';
const LONG = 'Очень длинное название поля '.repeat(10).slice(0, 255);

describe('names isolated inside a sentence', () => {
  it.each([
    ['an Arabic field name before a count', 'items.select-options-few.leads', { name: ARABIC, count: 1 }, [ARABIC]],
    ['a name that looks like markup', 'items.duplicate-field-names.contacts', { name: MARKUP, count: 2 }, [MARKUP]],
    ['a 255-character name', 'items.duplicate-field-names.contacts', { name: LONG, count: 2 }, [LONG]],
    ['a record named in a link', 'ui.items.recordNamed', { name: 'שם הלקוח', id: 41870003 }, ['שם הלקוח']],
  ])('%s: the text is t()’s, each name in its own <bdi>, markup stays text', (_, key, params, names) => {
    const el = shown(saidIsolated(t, key, params));
    expect(el.textContent).toBe(t(key, params));
    expect(bdis(el)).toEqual(names);
    expect(el.querySelector('b, img')).toBeNull();
  });

  it('the count still chooses the plural form (it is never replaced by a marker)', () => {
    const one = shown(saidIsolated(t, 'ui.row.count', { count: 1 }));
    const many = shown(saidIsolated(t, 'ui.row.count', { count: 5 }));
    expect(one.textContent).toBe(t('ui.row.count', { count: 1 }));
    expect(many.textContent).toBe(t('ui.row.count', { count: 5 }));
    expect(one.textContent).not.toBe(many.textContent!.replace('5', '1'));
  });

  it('a sentence built of sentences (a rights change) isolates the role and keeps the words in between', () => {
    const summary = { key: 'fix.op.roleRight.export.leads', params: { role: ARABIC, before: 'A', after: 'D' } };
    const el = shown(isolated(t, (tr) => changeText(tr, summary)));
    expect(el.textContent).toBe(changeText(t, summary));
    expect(bdis(el)).toContain(ARABIC);
  });

  it('a sentence without names is plain text', () => {
    const el = shown(saidIsolated(t, 'ui.history.empty'));
    expect(el.textContent).toBe(t('ui.history.empty'));
    expect(el.querySelector('bdi')).toBeNull();
  });

  it('a name holding the marker character itself falls back to the plain sentence, whole', () => {
    const odd = 'Поле \uE000 7 \uE000';
    const params = { name: odd, count: 2 };
    const el = shown(saidIsolated(t, 'items.duplicate-field-names.contacts', params));
    expect(el.textContent).toBe(t('items.duplicate-field-names.contacts', params));
    expect(el.querySelector('bdi')).toBeNull();
  });
});
