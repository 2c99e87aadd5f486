import { describe, expect, it } from 'vitest';
import { localizeReport } from '../../src/audit/localize';
import { runAudit } from '../../src/audit/run';
import { createTranslator } from '../../src/i18n/translate';
import { dictionaryFor } from '../../src/cli/dict';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { auditSeed } from '../support/emulated';

const tPt = createTranslator(dictionaryFor('pt'), 'pt');

describe('localizeReport in pt', () => {
  it('a report audited in English, localised in pt, is the report audited in pt', async () => {
    const { snapshot, report: en } = await auditSeed('messy', 'en');
    const pt = runAudit(snapshot, { baseline: defaultBaseline(), lang: 'pt', dict: dictionaryFor('pt') });
    expect(localizeReport(en, tPt, 'pt')).toEqual(pt);
    expect(pt.lang).toBe('pt');
    expect(pt.baseline.name).toBe('Serviços B2B');
    expect(pt.results.map((r) => r.title)).not.toEqual(en.results.map((r) => r.title));
    // Every text is a pt text, never a key left raw.
    const texts = pt.results.flatMap((r) => [r.title, r.message, r.why, r.howTo, ...r.items.map((i) => i.text)]);
    for (const text of texts) expect(text).not.toMatch(/^(rules|items|errors|parts)\.[a-z-]+/);
  });

  it('a report saved before pt (its baseline names have no pt) shows the en name', async () => {
    const { report: en } = await auditSeed('messy', 'en');
    const { pt: _pt, ...names } = en.baseline.names;
    const old = { ...en, baseline: { ...en.baseline, names: names as typeof en.baseline.names } };
    expect(localizeReport(old, tPt, 'pt').baseline.name).toBe('B2B services');
  });
});
