/**
 * The `busy` seed's intended "In use" outcomes (the table in src/emulator/seeds/busy.ts), each number counted
 * here from the raw store with the definitions — independently of the product's gatherers and rules,
 * so the product's golden report can be checked against it.
 */
import { describe, expect, it } from 'vitest';
import type { LeadRecord, Store, TaskRecord } from '../../src/emulator/store';
import { iterate } from '../../src/emulator/store';
import { NOW, emu, get } from './helpers';

const DAY = 86_400;
const now = Math.floor(NOW / 1000);
const windowFrom = now - 30 * DAY;

function facts(s: Store) {
  const unsortedStages = new Set(s.pipelines.flatMap((p) => p.statuses.filter((x) => x.type === 1).map((x) => x.id)));
  const isOpen = (l: LeadRecord) => l.status_id !== 142 && l.status_id !== 143 && !unsortedStages.has(l.status_id);
  const tasks: TaskRecord[] = [...iterate(s.tasks)];
  const openTasks = tasks.filter((t) => !t.is_completed);
  const withOpenTask = new Set(openTasks.filter((t) => t.entity_type === 'leads').map((t) => t.entity_id));
  const open = s.leads.filter(isOpen);
  const inWindow = (l: LeadRecord) => l.closed_at !== null && l.closed_at! >= windowFrom && l.closed_at! <= now;
  const requiredAtLost = (l: LeadRecord) =>
    s.fields.leads
      .filter((f) => f.required_statuses.some((r) => r.pipeline_id === l.pipeline_id && r.status_id === 143))
      .map((f) => f.id);
  const hasReason = (l: LeadRecord) =>
    (l.loss_reason_id ?? 0) > 0 ||
    requiredAtLost(l).some((id) => (l.custom_fields_values ?? []).some((v) => v.field_id === id && v.values.length));
  const inactive = new Set(s.users.filter((u) => !u.rights.is_active).map((u) => u.id));
  const waits = (leadId: number) => {
    const l = s.leads.find((x) => x.id === leadId);
    return l !== undefined && unsortedStages.has(l.status_id);
  };
  return { unsortedStages, isOpen, tasks, openTasks, withOpenTask, open, inWindow, hasReason, inactive, waits };
}

function shareOfTop(leads: LeadRecord[]): { owner: number; count: number; total: number } {
  const by = new Map<number, number>();
  for (const l of leads) by.set(l.responsible_user_id, (by.get(l.responsible_user_id) ?? 0) + 1);
  const [owner, count] = [...by].sort((a, b) => b[1] - a[1])[0]!;
  return { owner, count, total: leads.length };
}

describe('busy: a month of work with the outcomes its header promises', () => {
  const e = emu('busy');
  const s = e.store;
  const f = facts(s);

  it('about 300 leads across the stages of 2 pipelines; 8 active users and 1 inactive', () => {
    expect(s.leads.length).toBeGreaterThanOrEqual(280);
    expect(s.leads.length).toBeLessThanOrEqual(320);
    expect(s.pipelines).toHaveLength(2);
    for (const p of s.pipelines)
      expect(new Set(s.leads.filter((l) => l.pipeline_id === p.id).map((l) => l.status_id)).size).toBeGreaterThan(4);
    expect(s.users.filter((u) => u.rights.is_active)).toHaveLength(8);
    expect(s.users.filter((u) => !u.rights.is_active)).toHaveLength(1);
    expect(f.open).toHaveLength(150);
  });

  it('open-leads-without-task fails: 45 of 150 (30%); closest_task_at disagrees with the tasks both ways', () => {
    const without = f.open.filter((l) => !f.withOpenTask.has(l.id));
    expect(without).toHaveLength(45);
    expect(without.length / f.open.length).toBeGreaterThan(0.2);
    expect(without.filter((l) => l.closest_task_at !== null)).toHaveLength(6);
    expect(f.open.filter((l) => f.withOpenTask.has(l.id) && l.closest_task_at === null)).toHaveLength(5);
  });

  it('overdue-tasks passes: 11 of 124 open tasks (8.9%) due more than a day ago; 14 (11.3%) if the day were ignored', () => {
    expect(f.openTasks).toHaveLength(124);
    const overdue = f.openTasks.filter((t) => t.complete_till < now - DAY);
    expect(overdue).toHaveLength(11);
    expect(overdue.length / f.openTasks.length).toBeLessThanOrEqual(0.1);
    const late = f.openTasks.filter((t) => t.complete_till < now);
    expect(late).toHaveLength(14);
    expect(late.length / f.openTasks.length).toBeGreaterThan(0.1);
  });

  it('idle-open-leads passes: 27 of 150 (18%) updated more than 14 days ago; 9 more exactly 13 days ago', () => {
    expect(f.open.filter((l) => l.updated_at! < now - 14 * DAY)).toHaveLength(27);
    expect(f.open.filter((l) => l.updated_at === now - 13 * DAY)).toHaveLength(9);
  });

  it('lost-without-reason fails: 7 of 36 lost in the window (null 4, zero 3); 3 more have the field required at 143', () => {
    const lost = s.leads.filter((l) => l.status_id === 143 && f.inWindow(l));
    expect(lost).toHaveLength(36);
    const without = lost.filter((l) => !f.hasReason(l));
    expect(without.map((l) => l.loss_reason_id).sort()).toEqual([0, 0, 0, null, null, null, null]);
    expect(lost.filter((l) => (l.loss_reason_id ?? 0) <= 0 && f.hasReason(l))).toHaveLength(3);
    // Just outside the window: lost an hour before it opened, without a reason.
    expect(s.leads.some((l) => l.status_id === 143 && l.closed_at === windowFrom - 3_600 && !f.hasReason(l))).toBe(
      true,
    );
  });

  it('won-without-price fails: 4 of 30 won in the window at price 0', () => {
    const won = s.leads.filter((l) => l.status_id === 142 && f.inWindow(l));
    expect(won).toHaveLength(30);
    expect(won.filter((l) => !l.price)).toHaveLength(4);
    expect(s.leads.filter((l) => l.status_id === 142 && !f.inWindow(l) && !l.price)).toHaveLength(2);
  });

  it('leads-without-contact passes: 13 of 150 (8.7%)', () => {
    const without = f.open.filter((l) => l.contact_ids.length === 0);
    expect(without).toHaveLength(13);
    expect(without.length / f.open.length).toBeLessThanOrEqual(0.1);
  });

  it('duplicate-open-leads fails: one pair in «Продажи» shares its main contact', () => {
    const groups = new Map<string, number[]>();
    for (const l of f.open.filter((x) => x.contact_ids.length > 0)) {
      const k = `${l.pipeline_id}:${l.contact_ids[0]}`;
      groups.set(k, [...(groups.get(k) ?? []), l.id]);
    }
    const dups = [...groups].filter(([, ids]) => ids.length > 1);
    expect(dups).toHaveLength(1);
    expect(dups[0]![1]).toHaveLength(2);
    expect(dups[0]![0].startsWith(`${s.pipelines[0]!.id}:`)).toBe(true);
    // The same contact is main in the other pipeline too, and another is a second contact elsewhere: no group.
    const shared = Number(dups[0]![0].split(':')[1]);
    expect(f.open.filter((l) => l.contact_ids[0] === shared)).toHaveLength(3);
    expect(f.open.some((l) => l.contact_ids.length > 1)).toBe(true);
  });

  it('unsorted-backlog fails: 8 of 12 waiting items arrived more than 24 h ago; accepted and declined do not wait', async () => {
    const waiting = s.unsorted.filter((u) => f.waits(u._embedded?.leads?.[0]?.id ?? 0));
    expect(waiting).toHaveLength(12);
    expect(waiting.every((u) => u.state === 'new')).toBe(true);
    const old = waiting.filter((u) => u.created_at < now - DAY);
    const byCategory = Object.fromEntries(
      ['forms', 'mail', 'chats', 'sip'].map((c) => [c, old.filter((u) => u.category === c).length]),
    );
    expect(byCategory).toEqual({ forms: 3, mail: 2, chats: 2, sip: 1 });
    expect(s.unsorted.filter((u) => u.state === 'accepted')).toHaveLength(10);
    expect(s.unsorted.filter((u) => u.state === 'accepted' && f.waits(u._embedded?.leads?.[0]?.id ?? 0))).toHaveLength(
      0,
    );
    expect(s.unsorted.filter((u) => u.state === 'declined')).toHaveLength(3);
    const list = (await get(e, '/api/v4/leads/unsorted?limit=250')).body._embedded.unsorted;
    const waitingUids = new Set(waiting.map((u) => u.uid));
    expect(list.filter((u: { uid: string }) => waitingUids.has(u.uid))).toHaveLength(12);
  });

  it('lead-owner-concentration fails: one manager owns over 60% of the leads created in the window', () => {
    const created = s.leads.filter((l) => l.created_at! >= windowFrom && l.created_at! <= now);
    const top = shareOfTop(created.filter((l) => !f.unsortedStages.has(l.status_id)));
    const topAll = shareOfTop(created);
    expect([top.count, top.total, topAll.count, topAll.total]).toEqual([50, 76, 62, 88]);
    expect(top.count / top.total).toBeGreaterThan(0.6);
    expect(topAll.owner).toBe(top.owner);
    const u = s.users.find((x) => x.id === top.owner)!;
    expect(u).toMatchObject({ name: 'Кирилл Андреев', rights: { is_admin: false, is_active: true } });
    expect(s.users.filter((x) => x.rights.is_active && !x.rights.is_admin && !x.rights.is_free)).toHaveLength(6);
  });

  it('webhooks-disabled fails: 1 of 2 webhooks disabled', async () => {
    expect(s.webhooks.map((w) => w.disabled)).toEqual([false, true]);
    expect((await get(e, '/api/v4/webhooks')).body._total_items).toBe(2);
  });

  it('records-owned-by-inactive-users: 9 open leads and 6 open tasks of the user who left', () => {
    expect(f.open.filter((l) => f.inactive.has(l.responsible_user_id))).toHaveLength(9);
    expect(f.openTasks.filter((t) => f.inactive.has(t.responsible_user_id))).toHaveLength(6);
  });

  it('the open tasks fit one page of 250; tasks owned and linked as the task list says', async () => {
    const a = await get(e, '/api/v4/tasks?filter[is_completed]=0&limit=250');
    expect(a.body._embedded.tasks).toHaveLength(124);
    expect(a.body._links.next).toBeUndefined();
    const leadOwner = new Map(s.leads.map((l) => [l.id, l.responsible_user_id]));
    const foreign = f.openTasks.filter(
      (t) => t.entity_type === 'leads' && leadOwner.get(t.entity_id!) !== t.responsible_user_id,
    );
    expect(foreign.length).toBeGreaterThanOrEqual(8);
    expect(f.openTasks.filter((t) => t.entity_type === null)).toHaveLength(2);
    expect(f.openTasks.filter((t) => t.entity_type === 'contacts')).toHaveLength(3);
    expect(f.tasks.filter((t) => t.is_completed).length).toBeGreaterThan(100);
  });

  it('amoCRM’s own loss reasons are listed and named on lost leads', async () => {
    const reasons = (await get(e, '/api/v4/leads/loss_reasons')).body._embedded.loss_reasons;
    expect(reasons.map((r: { name: string }) => r.name)).toEqual([
      'Дорого',
      'Выбрали конкурента',
      'Нет потребности',
      'Не вышли на связь',
      'Другое',
    ]);
    expect(s.account.is_loss_reason_enabled).toBe(true);
  });
});

describe('fresh has no usage data at all', () => {
  it('no leads, tasks, webhooks, loss reasons or unsorted items', () => {
    const s = emu('fresh').store;
    expect([s.leads.length, s.tasks.length, s.webhooks.length, s.lossReasons.length, s.unsorted.length]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});
