import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src/runner/audit';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import type { Snapshot } from '../../src/snapshot/types';
import { auditSeed } from '../support/emulated';

// Real accounts send what the reference documents, not what our emulator happens to emit: older
// accounts say `required_statuses: null`, optional keys go missing, undocumented keys appear. The
// audit must judge such an account exactly as it judges the same data in the newer shape.
function vary(snapshot: Snapshot): Snapshot {
  const s = structuredClone(snapshot);
  const p = s.parts as unknown as Record<string, { data?: unknown }>;
  for (const name of ['leadFields', 'contactFields', 'companyFields']) {
    for (const f of p[name]!.data as Record<string, unknown>[]) {
      if (Array.isArray(f.required_statuses) && f.required_statuses.length === 0) f.required_statuses = null;
      for (const k of [
        'hidden_statuses',
        'is_api_only',
        'triggers',
        'tracking_callback',
        'remind',
        'currency',
        '_links',
      ])
        delete f[k];
      f.undocumented_extra = { any: 'thing' };
    }
  }
  for (const u of p.users!.data as { rights: Record<string, unknown>; _embedded?: unknown }[]) {
    for (const k of [
      'files_access',
      'catalog_rights',
      'custom_fields_rights',
      'oper_day_reports_view_access',
      'oper_day_user_tracking',
    ])
      delete u.rights[k];
    if (
      u.rights.status_rights === undefined ||
      (Array.isArray(u.rights.status_rights) && !u.rights.status_rights.length)
    )
      u.rights.status_rights = null;
    delete u._embedded;
  }
  for (const w of p.widgets!.data as Record<string, unknown>[]) w.settings_template = w.settings_template ?? null;
  (p.account!.data as Record<string, unknown>).some_new_flag = true;
  return s;
}

describe('documented variations of real accounts', () => {
  it.each(['messy', 'clean'])('%s audits the same with nulls, missing optional keys and extra keys', async (seed) => {
    const { snapshot, report } = await auditSeed(seed);
    const varied = auditSnapshot(vary(snapshot), {
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
    });
    expect(varied.counts.error).toBe(0);
    expect(varied.results.map((r) => [r.ruleId, r.outcome, r.items.length])).toEqual(
      report.results.map((r) => [r.ruleId, r.outcome, r.items.length]),
    );
  });
});
