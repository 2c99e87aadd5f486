/**
 * The month of work in the `busy` seed: tasks (open, overdue, done), `closest_task_at` on leads, the unsorted
 * queue (waiting, accepted, declined), webhooks and the channel signals a set-up account shows.
 */
import { arrayList, nextId } from '../store';
import type { ContactRecord, LeadRecord, PipelineRecord, Store, TaskRecord, UserRecord } from '../store';
import { DAY, addCall, addEvent, addLead, addMailNote, addUnsorted, addWebsiteButton } from './builders';
import {
  ADMIN_TASK,
  CREATED_IN_WINDOW,
  DATE_WITHOUT_TASK,
  DUE_TODAY,
  OVERDUE,
  SECOND_TASK,
  TASK_WITHOUT_DATE,
  WITHOUT_TASK,
} from './busy-plan';
import { person } from './people';
import type { Rng } from './prng';
import { marketplace } from './widgets';

/** Who and what busy.ts made, for the work laid over it. */
export interface BusyCast {
  now: number;
  sales: PipelineRecord;
  owner: UserRecord;
  admin: UserRecord;
  /** Active non-admin users; staff[0] is the one most new leads go to. */
  staff: UserRecord[];
  /** The user who left (inactive). */
  gone: UserRecord;
  open: LeadRecord[];
  closed: LeadRecord[];
  contacts: ContactRecord[];
}

const CALL_TEXTS = ['Перезвонить клиенту', 'Уточнить потребность', 'Согласовать сроки поставки', 'Напомнить об оплате'];
const MEETING_TEXTS = ['Встреча на складе клиента', 'Демонстрация техники', 'Подписание договора'];
const RESULTS = ['Договорились о встрече', 'Клиент думает до пятницы', 'Отправили КП', 'Счёт оплачен'];

/** Adds the tasks, the unsorted queue, webhooks and signals to the busy store. */
export function addBusyWork(store: Store, rng: Rng, c: BusyCast): void {
  addTasks(store, rng, c);
  addUnsortedQueue(store, rng, c);
  addWebhooks(store, c);
  addSignals(store, rng, c);
}

function addTasks(store: Store, rng: Rng, c: BusyCast): void {
  const { now } = c;
  const tasks: TaskRecord[] = [];
  const task = (t: {
    owner: number;
    entity: { id: number; type: 'leads' | 'contacts' } | null;
    till: number;
    done?: boolean;
    created?: number;
  }): TaskRecord => {
    const meeting = rng.chance(0.25);
    const created = t.created ?? Math.min(t.till, now) - rng.int(1, 10) * DAY;
    const rec: TaskRecord = {
      id: nextId(store, 'task'),
      created_by: t.owner,
      updated_by: t.owner,
      created_at: created,
      updated_at: t.done ? Math.min(now, t.till + rng.int(0, 20_000)) : created,
      responsible_user_id: t.owner,
      group_id: 0,
      entity_id: t.entity?.id ?? null,
      entity_type: t.entity?.type ?? null,
      duration: meeting ? 3_600 : 0,
      is_completed: t.done === true,
      task_type_id: meeting ? 2 : 1,
      text: rng.pick(meeting ? MEETING_TEXTS : CALL_TEXTS),
      result: t.done && rng.chance(0.7) ? { text: rng.pick(RESULTS) } : [],
      complete_till: t.till,
    };
    tasks.push(rec);
    return rec;
  };
  const onLead = (l: LeadRecord) => ({ id: l.id, type: 'leads' as const });
  const future = (i: number) => now + (1 + (i % 9)) * DAY + rng.int(3_600, 30_000);

  c.open.forEach((lead, i) => {
    // A done task on every third lead, and on those whose closest_task_at outlived their last task.
    if (i % 3 === 0 || DATE_WITHOUT_TASK.has(i))
      task({ owner: lead.responsible_user_id, entity: onLead(lead), till: now - rng.int(2, 20) * DAY, done: true });
    if (WITHOUT_TASK.has(i)) {
      lead.closest_task_at = DATE_WITHOUT_TASK.has(i) ? now + (2 + (i % 4)) * DAY : null;
      return;
    }
    const till = OVERDUE.has(i)
      ? now - (2 + (i % 6)) * DAY
      : DUE_TODAY.has(i)
        ? now - rng.int(2, 20) * 3_600
        : future(i);
    const first = task({
      owner: ADMIN_TASK.has(i) ? c.admin.id : lead.responsible_user_id,
      entity: onLead(lead),
      till,
    });
    let closest = first.complete_till;
    if (SECOND_TASK.has(i)) {
      const gone = lead.responsible_user_id === c.gone.id;
      const second = task({
        owner: gone ? c.gone.id : c.staff[3]!.id,
        entity: onLead(lead),
        till: gone ? now - 4 * DAY : future(i + 4),
      });
      closest = Math.min(closest, second.complete_till);
    }
    lead.closest_task_at = TASK_WITHOUT_DATE.has(i) ? null : closest;
  });
  // Forgotten open tasks on closed deals (two overdue), on contacts, and on nothing at all.
  c.closed
    .slice(0, 4)
    .forEach((lead, k) =>
      task({ owner: lead.responsible_user_id, entity: onLead(lead), till: k < 2 ? now - (3 + k) * DAY : future(k) }),
    );
  c.contacts
    .slice(240, 243)
    .forEach((ct, k) =>
      task({ owner: ct.responsible_user_id, entity: { id: ct.id, type: 'contacts' }, till: future(k + 2) }),
    );
  task({ owner: c.owner.id, entity: null, till: future(5) });
  task({ owner: c.staff[0]!.id, entity: null, till: future(6) });
  // Done tasks on every other closed deal.
  c.closed.forEach((lead, k) => {
    if (k % 2 === 0)
      task({ owner: lead.responsible_user_id, entity: onLead(lead), till: (lead.closed_at ?? now) - DAY, done: true });
  });
  tasks.sort((a, b) => a.id - b.id);
  store.tasks = arrayList(tasks);
}

function addUnsortedQueue(store: Store, rng: Rng, c: BusyCast): void {
  const { now, sales } = c;
  const unsortedStage = sales.statuses.find((s) => s.type === 1)!;
  // Waiting items: each holds its own lead in the unsorted stage; its contact is not in the contacts list
  // until the item is accepted (documented), so it has an id of its own.
  const waiting: { category: 'forms' | 'mail' | 'chats' | 'sip'; hoursAgo: number }[] = [
    ...(['forms', 'forms', 'forms', 'mail', 'mail', 'chats', 'chats', 'sip'] as const).map((category, k) => ({
      category,
      hoursAgo: 30 + k * 23,
    })),
    ...(['forms', 'chats', 'chats', 'sip'] as const).map((category, k) => ({ category, hoursAgo: 1 + k * 5 })),
  ];
  waiting.forEach((w, k) => {
    const who = person(rng);
    const created = now - w.hoursAgo * 3_600 - rng.int(0, 1_800);
    const lead = addLead(store, {
      name: `Заявка: ${who.name}`,
      price: 0,
      responsible: c.staff[0]!.id,
      pipeline: sales,
      status: unsortedStage.id,
      created,
      contacts: [52_799_000 + k],
    });
    lead.created_by = 0;
    addUnsorted(store, rng, {
      category: w.category,
      pipeline: sales,
      created,
      lead: lead.id,
      contact: 52_799_000 + k,
      who: who.name,
      phone: `+7921${String(5_550_000 + k * 17).padStart(7, '0')}`,
      service: k % 2 === 0 ? 'telegram' : 'whatsapp',
      form: 'Заявка на аренду техники',
    });
  });
  // Accepted items: their lead left the unsorted stage for a working one (busy's new leads of staff[0]).
  const accepted = c.open.filter((l, i) => i < CREATED_IN_WINDOW && l.responsible_user_id === c.staff[0]!.id);
  accepted.slice(0, 10).forEach((lead, k) => {
    addUnsorted(store, rng, {
      category: (['forms', 'chats', 'mail', 'sip'] as const)[k % 4]!,
      pipeline: sales,
      created: lead.created_at!,
      lead: lead.id,
      contact: lead.contact_ids[0],
      who: person(rng).name,
      service: 'telegram',
      state: 'accepted',
    });
  });
  // Declined items: their lead went to the trash, so its id is in no list.
  for (let k = 0; k < 3; k++)
    addUnsorted(store, rng, {
      category: k === 0 ? 'mail' : 'forms',
      pipeline: sales,
      created: now - (3 + k * 6) * DAY,
      lead: nextId(store, 'lead'),
      who: person(rng).name,
      email: 'spam@bulk-mail.ru',
      state: 'declined',
    });
}

function addWebhooks(store: Store, c: BusyCast): void {
  const base = { account_id: store.account.id, created_by: c.owner.id };
  store.webhooks.push(
    {
      ...base,
      id: nextId(store, 'webhook'),
      destination: 'https://erp.translogsever.ru/amocrm/hook',
      created_at: c.now - 60 * DAY,
      updated_at: c.now - 60 * DAY,
      sort: 1,
      disabled: false,
      settings: ['add_lead', 'update_lead', 'status_lead'],
    },
    {
      ...base,
      id: nextId(store, 'webhook'),
      destination: 'https://bot.translogsever.ru/tasks',
      created_at: c.now - 55 * DAY,
      updated_at: c.now - 9 * DAY,
      sort: 2,
      // Switched off by the server: its endpoint stopped answering.
      disabled: true,
      settings: ['add_task', 'update_task'],
    },
  );
}

function addSignals(store: Store, rng: Rng, c: BusyCast): void {
  const { now } = c;
  const recent = () => now - rng.int(0, 25) * DAY - rng.int(0, 80_000);
  const withContact = c.open.filter((l) => l.contact_ids.length > 0);
  const phoneOf = (l: LeadRecord) =>
    String(c.contacts.find((x) => x.id === l.contact_ids[0])!.custom_fields_values![0]!.values[0]!.value);
  for (let i = 0; i < 14; i++) {
    const l = withContact[(i * 11) % withContact.length]!;
    addCall(store, rng, {
      entity: 'leads',
      entityId: l.id,
      by: l.responsible_user_id,
      at: recent(),
      inbound: i % 3 !== 0,
      phone: phoneOf(l),
      source: 'mango_office',
    });
  }
  for (let i = 0; i < 8; i++) {
    const l = withContact[(i * 17 + 3) % withContact.length]!;
    addEvent(store, {
      type: 'incoming_chat_message',
      entityType: 'lead',
      entityId: l.id,
      by: 0,
      at: recent(),
      after: [{ message: { id: `${rng.int(1e7, 9e7)}-chat` } }],
      linkedContact: l.contact_ids[0],
    });
  }
  for (let i = 0; i < 6; i++) {
    const l = withContact[(i * 23 + 5) % withContact.length]!;
    addMailNote(store, rng, {
      entity: 'leads',
      entityId: l.id,
      by: l.responsible_user_id,
      at: recent(),
      from: 'client@mail.ru',
      to: 'sales@translogsever.ru',
      income: i % 2 === 0,
    });
  }
  addWebsiteButton(store, {
    sourceId: 9_340_001,
    buttonId: 81_201,
    name: 'Заявка на аренду техники',
    pipelineId: c.sales.id,
    duplicationControl: true,
  });
  marketplace(store, rng, 60, ['mango_office', 'wazzup'], c.sales.id);
}
