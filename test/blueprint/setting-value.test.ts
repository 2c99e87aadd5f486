import { describe, expect, it } from 'vitest';
import DEFAULT from '../../src/audit/baseline/b2b-services.json';
import { loadBaseline } from '../../src/audit/baseline/load';
import {
  escapedSize,
  MAX_SETTING_BYTES,
  readSettingValue,
  SETTING_MARK,
  settingFits,
  settingValueText,
} from '../../src/blueprint/setting-value';
import type { SignedOff } from '../../src/blueprint/signed-off';
import type { Blueprint } from '../../src/blueprint/types';
import { blueprintAccount } from './harness';

// A tiny frozen document: one field, one pipeline, nothing else.
const DOC: Blueprint = Object.freeze({
  schemaVersion: 1,
  fields: [{ entity: 'leads', name: 'Источник', type: 'select', options: ['Сайт', 'Звонок'], group: null }],
  pipelines: [
    { name: 'Продажи', main: true, unsorted: true, archived: false, stages: ['Заявка'], won: 'Успех', lost: 'Отказ' },
  ],
  required: [],
  roles: [],
  lossReasons: null,
  planning: [],
}) as Blueprint;
const SIGNED: SignedOff = { document: DOC, signedAt: '2026-11-20T09:00:00.000Z', by: 'Анна', source: 'clean.xlsx' };
const BASELINE = JSON.stringify({ ...DEFAULT, version: '9.9.9' });

describe('the widget setting: baseline alone (old shape) or with a signed-off set-up', () => {
  it.each([
    ['nothing saved', null, { baselineText: null, signedOff: null, problem: null }],
    ['blank', '  ', { baselineText: null, signedOff: null, problem: null }],
    // Values saved before sign-off existed are a bare baseline and must still work as one.
    ['an old baseline-only value', BASELINE, { baselineText: BASELINE, signedOff: null, problem: null }],
    // Not JSON: handed on as the baseline, whose validation names what is wrong (never silently dropped).
    ['text that is not JSON', '{oops', { baselineText: '{oops', signedOff: null, problem: null }],
  ])('%s', (_, text, want) => {
    expect(readSettingValue(text)).toEqual(want);
  });

  it('writes the bare baseline when nothing is signed off, so the old shape is kept', () => {
    expect(settingValueText({ baselineText: BASELINE, signedOff: null })).toBe(BASELINE);
    expect(settingValueText({ baselineText: null, signedOff: null })).toBe('');
  });

  it.each([
    ['with the default baseline', null],
    ['beside a chosen baseline', BASELINE],
  ])('round-trips a sign-off %s', (_, baselineText) => {
    const text = settingValueText({ baselineText, signedOff: SIGNED });
    expect(JSON.parse(text)[SETTING_MARK]).toBe(1);
    const read = readSettingValue(text);
    expect(read).toEqual({ baselineText, signedOff: SIGNED, problem: null });
    // The baseline inside the envelope is the same baseline the audit loads.
    expect(loadBaseline(read.baselineText).baseline.version).toBe(baselineText ? '9.9.9' : DEFAULT.version);
  });

  it('keeps a damaged baseline text as it was when a sign-off is written beside it (loses nothing)', () => {
    const text = settingValueText({ baselineText: '{oops', signedOff: SIGNED });
    expect(readSettingValue(text).baselineText).toBe('{oops');
  });

  it.each([
    ['an unknown envelope version', { [SETTING_MARK]: 2, signedOff: SIGNED }, SETTING_MARK],
    [
      'a sign-off without its date',
      { [SETTING_MARK]: 1, signedOff: { ...SIGNED, signedAt: 'soon' } },
      'signedOff.signedAt',
    ],
    ['a sign-off without its signer', { [SETTING_MARK]: 1, signedOff: { ...SIGNED, by: ' ' } }, 'signedOff.by'],
    [
      'a document with a broken field',
      { [SETTING_MARK]: 1, signedOff: { ...SIGNED, document: { ...DOC, fields: [{ entity: 'deals' }] } } },
      'signedOff.document.fields[0].entity',
    ],
    [
      'a document of another schema',
      { [SETTING_MARK]: 1, signedOff: { ...SIGNED, document: { schemaVersion: 7 } } },
      'signedOff.document.schemaVersion',
    ],
  ])('a damaged setting (%s): the sign-off is set aside with where, the baseline still works', (_, env, detail) => {
    const read = readSettingValue(JSON.stringify({ baseline: JSON.parse(BASELINE), ...env }));
    expect(read.signedOff).toBeNull();
    expect(read.problem).toEqual({ key: 'blueprint.signOff.damaged', params: { detail } });
    expect(read.baselineText).toBe(BASELINE);
  });
});

describe('the setting size cap (amoCRM documents none; ours is conservative)', () => {
  it('counts every non-ASCII character as its \\uXXXX escape', () => {
    expect(escapedSize('abc')).toBe(3);
    expect(escapedSize('Щи')).toBe(12);
  });

  it('fits the tiny document, refuses one past the cap', () => {
    expect(settingFits(settingValueText({ baselineText: null, signedOff: SIGNED }))).toMatchObject({ fits: true });
    const big = 'x'.repeat(MAX_SETTING_BYTES + 1);
    expect(settingFits(big)).toEqual({ fits: false, bytes: MAX_SETTING_BYTES + 1, max: MAX_SETTING_BYTES });
  });

  // Measured on the seeds: messy's signed-off set-up fits with room to spare; large's (1,484 fields) does not.
  it.each([
    ['messy', true],
    ['clean', true],
    ['large', false],
  ])('the %s capture signed off: fits = %s', async (seed, fits) => {
    const document = await blueprintAccount(seed).capture();
    const text = settingValueText({ baselineText: null, signedOff: { ...SIGNED, document } });
    const size = settingFits(text);
    console.info(`signed-off ${seed}: ${new TextEncoder().encode(text).length} bytes UTF-8, ${size.bytes} escaped`);
    expect(size.fits).toBe(fits);
  });
});
