/**
 * A tiny frozen set of usage data (tasks, loss reasons, webhooks) laid over a `messy` emulator, so the
 * endpoint tests do not depend on how the `busy` seed is tuned.
 */
import type { Emulator } from '../../src/emulator/index';
import type { TaskRecord } from '../../src/emulator/store';
import { NOW } from './helpers';

const DAY = 86_400;
/** The fixed clock in seconds. */
export const NOW_SEC = Math.floor(NOW / 1000);

/** What `addUsageData` put in, by role in the tests. */
export interface UsageData {
  /** Open task on a lead owned by the manager, overdue by 2 days. */
  open: TaskRecord;
  /** Completed task with a result text, on the same lead. */
  done: TaskRecord;
  /** Open task without any entity, owned by the admin. */
  loose: TaskRecord;
  /** Open task on a contact owned by another user. */
  onContact: TaskRecord;
  /** Lead ids: lost with a reason, lost with `loss_reason_id` 0. */
  lostWithReason: number;
  lostWithZero: number;
  reasonIds: [number, number];
}

function task(id: number, t: Partial<TaskRecord> & Pick<TaskRecord, 'responsible_user_id'>): TaskRecord {
  return {
    id,
    created_by: t.responsible_user_id,
    updated_by: t.responsible_user_id,
    created_at: NOW_SEC - 10 * DAY + id,
    updated_at: NOW_SEC - 5 * DAY + id,
    group_id: 0,
    entity_id: null,
    entity_type: null,
    duration: 0,
    is_completed: false,
    task_type_id: 1,
    text: `Задача ${id}`,
    result: [],
    complete_till: NOW_SEC + DAY,
    ...t,
  };
}

/** Adds the fixture to e's store (a `messy` emulator) and returns what it added. */
export function addUsageData(e: Emulator): UsageData {
  const s = e.store;
  const manager = e.managerId!;
  const other = s.users.find((u) => u.id !== manager && u.id !== e.adminId && u.rights.is_active)!.id;
  const lead = s.leads.find((l) => l.responsible_user_id === manager)!;
  const contact = s.contacts.at(0);
  const open = task(900_001, {
    responsible_user_id: manager,
    entity_id: lead.id,
    entity_type: 'leads',
    complete_till: NOW_SEC - 2 * DAY,
  });
  const done = task(900_002, {
    responsible_user_id: manager,
    entity_id: lead.id,
    entity_type: 'leads',
    is_completed: true,
    task_type_id: 2,
    result: { text: 'Созвонились, ждём КП' },
    complete_till: NOW_SEC - 3 * DAY,
  });
  const loose = task(900_003, { responsible_user_id: e.adminId, complete_till: NOW_SEC + 3 * DAY });
  const onContact = task(900_004, {
    responsible_user_id: other,
    entity_id: contact.id,
    entity_type: 'contacts',
    complete_till: NOW_SEC + 2 * DAY,
  });
  const tasks = [open, done, loose, onContact];
  s.tasks = { length: tasks.length, at: (i) => tasks[i]!, byId: (id) => tasks.find((t) => t.id === id) };
  s.lossReasons.push(
    { id: 7_001, name: 'Дорого', sort: 2, created_at: NOW_SEC - 90 * DAY, updated_at: NOW_SEC - 90 * DAY },
    { id: 7_002, name: 'Выбрали конкурента', sort: 1, created_at: NOW_SEC - 90 * DAY, updated_at: NOW_SEC - 9 * DAY },
  );
  const [a, b] = s.leads.filter((l) => l.id !== lead.id);
  a!.status_id = 143;
  a!.loss_reason_id = 7_001;
  b!.status_id = 143;
  b!.loss_reason_id = 0;
  s.webhooks.push(
    {
      id: 1,
      destination: 'https://hooks.example.ru/amo',
      created_at: NOW_SEC - 60 * DAY,
      updated_at: NOW_SEC - 60 * DAY,
      account_id: s.account.id,
      created_by: e.adminId,
      sort: 1,
      disabled: false,
      settings: ['add_lead', 'status_lead'],
    },
    {
      id: 2,
      destination: 'https://old-erp.example.ru/hook',
      created_at: NOW_SEC - 200 * DAY,
      updated_at: NOW_SEC - 20 * DAY,
      account_id: s.account.id,
      created_by: e.adminId,
      sort: 2,
      disabled: true,
      settings: ['add_task'],
    },
  );
  return { open, done, loose, onContact, lostWithReason: a!.id, lostWithZero: b!.id, reasonIds: [7_001, 7_002] };
}
