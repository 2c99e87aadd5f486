import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { RULES } from '../../src/audit/registry';
import { dictionaryFor } from '../../src/cli/dict';
import { LANGS } from '../../src/i18n/langs';
import type { Lang } from '../../src/i18n/translate';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { localFixEngine } from '../../src/runner/fix-engine-local';
import { lastReportStore } from '../../src/runner/last-report';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { emulated, FIXED_NOW } from '../support/emulated';

/**
 * Frozen: the data area of the fresh seed's report as the version before the In use area kept it (its
 * results, texts and keys as it wrote them), its `openLeads` read failed, and its per-part counts.
 */
const OLD = readFileSync(join(__dirname, 'fixtures', 'saved-report-openleads.json'), 'utf8');
const KEY = 'setup-audit:last-report:42';

function memoryStorage(initial: string) {
  const map = new Map([[KEY, initial]]);
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
    removeItem: (k: string) => {
      map.delete(k);
    },
  };
}

function runner(lang: Lang, storage = memoryStorage(OLD)) {
  const { client } = emulated('fresh');
  return createPanelRunner({
    client,
    baseline: defaultBaseline(),
    lang,
    dict: dictionaryFor(lang),
    user: { id: 1, name: 'Anna' },
    isAdmin: true,
    now: () => new Date(FIXED_NOW),
    storage,
    download: () => {},
    documents: async () => localDocumentEngine,
    fixes: async () => localFixEngine,
    accountKey: '42',
  });
}

describe('a report kept by the version before the In use area', () => {
  it('loads with one result per rule; In use is not available with the reason, not judged', async () => {
    const { report, savedAt } = (await runner('en').lastReport!())!;
    expect(savedAt).toBe('2026-11-20T09:05:00.000Z');
    expect(report.results.map((r) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
    const usage = report.results.filter((r) => r.area === 'usage');
    expect(usage).toHaveLength(10);
    for (const r of usage) {
      expect(r.outcome, r.ruleId).toBe('error');
      expect(r.message, r.ruleId).toBe(
        'Not in the report kept from the last visit: it was saved before this check existed. The new audit brings it.',
      );
    }
    const area = report.areas.find((a) => a.id === 'usage')!;
    expect(area.score).toBeNull();
    expect(area.counts.error).toBe(10);
    expect(report.incomplete).toBe(true);
  });

  it('what it judged stays as judged; its failed openLeads reads as deals in every language', async () => {
    const en = (await runner('en').lastReport!())!.report;
    expect(en.results.find((r) => r.ruleId === 'initial-data-missing')!.outcome).toBe('fail');
    const owned = en.results.find((r) => r.ruleId === 'records-owned-by-inactive-users')!;
    expect(owned.error?.part).toBe('leads');
    expect(owned.message).toBe('Could not load deals: the CRM did not answer');
    expect(en.areas.find((a) => a.id === 'data')!.failedParts.map((f) => f.part)).toEqual(['leads']);
    for (const lang of LANGS) {
      const shown = (await runner(lang).lastReport!())!.report;
      const texts = shown.results.flatMap((r) => [r.title, r.message, r.why, r.howTo]);
      expect(
        texts.filter((t) => /^(items|rules|parts|errors)\.|parts\.openLeads/.test(t)),
        lang,
      ).toEqual([]);
    }
  });

  it('its per-part counts name leads (the next audit can estimate its time left)', () => {
    const kept = lastReportStore(memoryStorage(OLD), '42').load()!;
    expect(kept.requestsByPart).toEqual({ account: 1, users: 1, contacts: 1, companies: 1, leads: 3 });
  });

  it('the next audit replaces it', async () => {
    const storage = memoryStorage(OLD);
    const panel = runner('en', storage);
    await panel.audit({ signal: new AbortController().signal, onProgress: () => {} });
    const { report } = (await runner('en', storage).lastReport!())!;
    expect(report.results.filter((r) => r.error?.reason.key === 'items.notInSavedReport')).toEqual([]);
    expect(report.results.find((r) => r.ruleId === 'overdue-tasks')!.outcome).toBe('not-applicable');
  });
});
