import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { RULES } from '../../src/audit/registry';
import { runAudit } from '../../src/audit/run';
import { dictionaryFor } from '../../src/cli/dict';
import { migratePartRequests } from '../../src/snapshot/migrate';
import { parseSnapshot, serializeSnapshot } from '../../src/snapshot/serialize';
import { snapshot } from '../audit/fixtures';

const USAGE = RULES.filter((r) => r.meta.area === 'usage').map((r) => r.meta.id);

/**
 * The snapshot file the version before the In use area wrote: `openLeads` (open deals counted by owner and
 * stage) where this version keeps `leads`, and no `tasks` or `webhooks`.
 */
function savedByPreviousVersion(openLeads: unknown): string {
  const current = JSON.parse(serializeSnapshot(snapshot()));
  const { leads: _leads, tasks: _tasks, webhooks: _webhooks, ...parts } = current.parts;
  // Its unsorted part counted the window's arrivals; what waits (and whether more does) was not kept.
  const { waiting: _waiting, more: _more, ...unsorted } = parts.unsorted.data;
  parts.unsorted = { data: unsorted };
  const { leads: _count, ...byPart } = { account: 1, users: 1, contacts: 1, leads: 3 };
  return JSON.stringify({
    ...current,
    parts: { ...parts, openLeads },
    requests: { count: 6, retries: 0, byPart: { ...byPart, openLeads: 3 } },
  });
}

const auditOf = (text: string, lang: 'en' | 'ru' = 'en') =>
  runAudit(parseSnapshot(text), { baseline: defaultBaseline(), lang, dict: dictionaryFor(lang) });

describe('a snapshot saved by the version before the In use area', () => {
  const counted = { data: { total: 12, byOwner: { 3: 7, 4: 5 }, byStage: { '10:101': 12 } } };

  it('loads; its In use results are not available with the reason, never judged over an empty list', () => {
    const report = auditOf(savedByPreviousVersion(counted));
    const usage = report.results.filter((r) => r.area === 'usage');
    expect(usage.map((r) => r.ruleId)).toEqual(USAGE);
    for (const r of usage) {
      expect(r.outcome, r.ruleId).toBe('error');
      expect(r.error?.failure?.kind, r.ruleId).toBe('outdated');
    }
    const tasks = report.results.find((r) => r.ruleId === 'overdue-tasks')!;
    expect(tasks.message).toBe(
      'Could not load open tasks: saved by an earlier version, which did not read it; a new audit reads it',
    );
    expect(report.results.find((r) => r.ruleId === 'unsorted-backlog')!.message).toBe(
      'Could not load incoming leads (unsorted): saved by an earlier version, which did not read it; a new audit reads it',
    );
    expect(report.areas.find((a) => a.id === 'usage')!.score).toBeNull();
    // The rest of the audit goes on from what the file holds, the unsorted counts included.
    expect(report.results.find((r) => r.ruleId === 'initial-data-missing')!.outcome).toBe('pass');
    expect(report.results.find((r) => r.ruleId === 'web-form-absent')!.outcome).toBe('pass');
    // records-owned-by-inactive-users now counts open tasks too, which the file does not hold.
    expect(report.results.find((r) => r.ruleId === 'records-owned-by-inactive-users')!.error?.failure?.kind).toBe(
      'outdated',
    );
  });

  it('the per-part requests name leads, so the next gathering can say its time left', () => {
    const parsed = parseSnapshot(savedByPreviousVersion(counted));
    expect(parsed.requests.byPart).toEqual({ account: 1, users: 1, contacts: 1, leads: 3 });
    expect(parsed.parts).not.toHaveProperty('openLeads');
  });

  it('an openLeads that had failed fails leads the same way (it was the same read)', () => {
    const failure = { kind: 'network', status: null, message: 'GET /api/v4/leads: fetch failed' };
    const parsed = parseSnapshot(savedByPreviousVersion({ error: failure }));
    expect(parsed.parts.leads).toEqual({ error: failure });
    expect(parsed.parts.tasks).toEqual({ error: expect.objectContaining({ kind: 'outdated' }) });
    const report = auditOf(savedByPreviousVersion({ error: failure }), 'ru');
    expect(report.results.find((r) => r.ruleId === 'idle-open-leads')!.message).toBe(
      'Не удалось загрузить сделки: CRM не ответила',
    );
  });

  it('a current snapshot is left as it is', () => {
    const current = snapshot();
    expect(parseSnapshot(serializeSnapshot(current))).toEqual(current);
  });

  it.each([
    [
      { openLeads: 3, contacts: 2 },
      { leads: 3, contacts: 2 },
    ],
    [{ openLeads: 3, leads: 4 }, { leads: 4 }],
    [{ leads: 4 }, { leads: 4 }],
  ])('request counts %j read as %j', (saved, read) => {
    expect(migratePartRequests(saved)).toEqual(read);
  });
});
