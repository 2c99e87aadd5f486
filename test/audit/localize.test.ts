import { describe, expect, it } from 'vitest';
import { localizeReport } from '../../src/audit/localize';
import { auditReport, runAudit } from '../../src/audit/run';
import { reportToJson } from '../../src/export/json';
import { createTranslator } from '../../src/i18n/translate';
import { dictionaryFor } from '../../src/cli/dict';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { auditSeed } from '../support/emulated';

const t = { en: createTranslator(dictionaryFor('en'), 'en'), ru: createTranslator(dictionaryFor('ru'), 'ru') };

describe('text at the edge: localizeReport', () => {
  it('a report audited in English, localised in Russian, is the report audited in Russian — and back', async () => {
    const { snapshot, report: en } = await auditSeed('messy', 'en');
    const ru = runAudit(snapshot, { baseline: defaultBaseline(), lang: 'ru', dict: dictionaryFor('ru') });
    expect(localizeReport(en, t.ru, 'ru')).toEqual(ru);
    expect(localizeReport(ru, t.en, 'en')).toEqual(en);
    // Texts really differ between the two (the switch is not a no-op).
    expect(ru.results[1]!.title).not.toBe(en.results[1]!.title);
  });

  it('the pure audit has no text at all; the report keeps every key beside its text', async () => {
    const { snapshot } = await auditSeed('messy', 'en', { userId: (await auditSeed('messy')).emulator.managerId! });
    const pure = auditReport(snapshot, { baseline: defaultBaseline() });
    for (const r of pure.results) {
      for (const field of ['title', 'message', 'why', 'howTo']) expect(r).not.toHaveProperty(field);
      for (const item of [...r.items, ...r.evidence]) expect(item).not.toHaveProperty('text');
      if (r.error) expect(r.error).not.toHaveProperty('message');
    }
    for (const a of pure.areas) for (const f of a.failedParts) expect(f).not.toHaveProperty('reason');
    const report = localizeReport(pure, t.en, 'en');
    const failed = report.results.find((r) => r.outcome === 'error')!;
    expect(failed.error?.reason.key).toBe('items.partFailed');
    expect(failed.error?.message).toMatch(/admin/i);
    expect(failed.message).toBe(failed.error?.message);
    const withItems = report.results.find((r) => r.items.length > 0)!;
    expect(withItems.items[0]!.text).toBe(t.en(withItems.items[0]!.message.key, withItems.items[0]!.message.params));
    expect(report.baseline.name).toBe(report.baseline.names.en);
    expect(report.areas.flatMap((a) => a.failedParts).every((f) => f.reason && f.failure)).toBe(true);
  });

  it('the JSON report (--format json) keeps title and message in its language and adds the keys', async () => {
    const { report } = await auditSeed('fresh', 'ru');
    const json = JSON.parse(reportToJson(report)) as typeof report;
    const r = json.results.find((x) => x.outcome === 'fail')!;
    expect(r.title).toBe(t.ru(r.keys.title.key, r.keys.title.params));
    expect(r.message).toBe(t.ru(r.keys.message.key, r.keys.message.params));
    // A tool re-localises the saved JSON without auditing again.
    expect(localizeReport(json, t.en, 'en').results.find((x) => x.ruleId === r.ruleId)!.title).toBe(
      t.en(r.keys.title.key, r.keys.title.params),
    );
  });
});
