/**
 * An account a month after go-live: set up like `clean` (baseline stages, a required source field, manager
 * roles without export or delete, every channel active), and worked in by eight active users while one who
 * left still owns leads and tasks. All times are relative to `nowMs`; the window is the 30 days before it.
 *
 * Intended outcomes of the "In use" rules (defaults of issue 17; test/emulator/busy.test.ts counts every
 * number below from the store, independently of the product):
 *
 * | rule                     | numbers in the seed                                                          | outcome |
 * |--------------------------|------------------------------------------------------------------------------|---------|
 * | open-leads-without-task  | 45 of 150 open leads (30% > 20%) have no open task; 6 of them carry a       | fail    |
 * |                          | closest_task_at anyway, and 5 leads with an open task carry none             |         |
 * | overdue-tasks            | 11 of 124 open tasks (8.9% ≤ 10%) are due more than a day ago; 3 more fell  | pass    |
 * |                          | due within the last day (counting them would give 14 = 11.3%)                |         |
 * | idle-open-leads          | 27 of 150 open leads (18% ≤ 20%) last updated more than 14 days ago; 9 more | pass    |
 * |                          | exactly 13 days ago                                                          |         |
 * | lost-without-reason      | 7 of 36 leads lost in the window: loss_reason_id null (4) or 0 (3); 3 more  | fail    |
 * |                          | in «Повторные продажи» have 0/null but a value in its field required at 143  |         |
 * | won-without-price        | 4 of 30 leads won in the window have price 0 (2 more before the window)     | fail    |
 * | leads-without-contact    | 13 of 150 open leads (8.7% ≤ 10%) have no contact                           | pass    |
 * | duplicate-open-leads     | 1 group: two open «Продажи» leads share a main contact (a third lead with it | fail    |
 * |                          | is in the other pipeline; a shared non-main contact does not count)          |         |
 * | unsorted-backlog         | 8 of 12 waiting items arrived more than 24 h ago (forms 3, mail 2, chats 2,  | fail    |
 * |                          | sip 1); 10 accepted and 3 declined items do not wait                         |         |
 * | lead-owner-concentration | Кирилл Андреев owns 50 of the 76 leads created in the window (66%; 62 of 88  | fail    |
 * |                          | with the 12 still unsorted; 45 of the 60 open ones), 6 active non-admin users |         |
 * | webhooks-disabled        | 1 of 2 webhooks is disabled                                                  | fail    |
 * | records-owned-by-        | the inactive Глеб Маслов owns 9 open leads and 6 open tasks                  | fail    |
 * | inactive-users           |                                                                              |         |
 */
import type { Store } from '../store';
import { arrayList, workingStages } from '../store';
import type { ContactRecord, LeadRecord, PipelineRecord } from '../store';
import { seedAccount } from './account';
import { DAY, addField, addLead, company, contact, plainValue, requiredPastEntry, selectValue } from './builders';
import { BASELINE_STAGES, baselineRoles } from './clean';
import { addBusyWork } from './busy-work';
import type { BusyCast } from './busy-work';
import {
  CREATED_IN_WINDOW,
  DUPLICATE_OF,
  IDLE,
  INACTIVE_OWNED,
  NEARLY_IDLE,
  OPEN_LEADS,
  SALES_OPEN,
  SECOND_CONTACT_OF,
  WITHOUT_CONTACT,
} from './busy-plan';
import { companyDomain, companyName, formatPhone, person, translit } from './people';
import type { Rng } from './prng';

const SOURCES = ['Сайт', 'Звонок', 'Почта', 'Чат', 'Telegram', 'WhatsApp', 'Рекомендация', 'Выставка', 'Другое'];
/** amoCRM's own loss-reason list (the account has the feature on). */
export const BUSY_LOSS_REASONS = ['Дорого', 'Выбрали конкурента', 'Нет потребности', 'Не вышли на связь', 'Другое'];
const DEALS = [
  'Поставка погрузчика',
  'Сервисный договор',
  'Аренда техники',
  'Запчасти',
  'Монтаж стеллажей',
  'Доставка',
];

/** Builds the busy account relative to `nowMs`. */
export function busySeed(nowMs: number): Store {
  const mail = (login: string) => `${login}@translogsever.ru`;
  const { store, rng, now, users, pipelines } = seedAccount('busy', nowMs, {
    account: { id: 30_551_204, name: 'ТрансЛогистик Север', subdomain: 'translogsever', ageDays: 75 },
    lossReasons: true,
    roles: baselineRoles,
    users: (add, { manager, head }) => ({
      owner: add({ name: 'Виктор Степанов', email: mail('v.stepanov'), admin: true }),
      admin: add({ name: 'Ольга Кузнецова', email: mail('o.kuznetsova'), admin: true }),
      staff: [
        add({ name: 'Кирилл Андреев', email: mail('k.andreev'), role: manager }),
        add({ name: 'Алина Фёдорова', email: mail('a.fedorova'), role: manager }),
        add({ name: 'Тимур Галиев', email: mail('t.galiev'), role: manager }),
        add({ name: 'Светлана Орлова', email: mail('s.orlova'), role: manager }),
        add({ name: 'Егор Никитин', email: mail('e.nikitin'), role: manager }),
        add({ name: 'Вера Соловьёва', email: mail('v.solovyova'), role: head }),
      ],
      gone: add({ name: 'Глеб Маслов', email: mail('g.maslov'), role: manager, active: false }),
    }),
    pipelines: [
      { name: 'Продажи', main: true, unsorted: true, stages: BASELINE_STAGES, won: 'Успех' },
      { name: 'Повторные продажи', unsorted: false, stages: ['Запрос', 'Подбор решения', 'КП', 'Счёт выставлен'] },
    ],
  });
  const { owner, admin, staff, gone } = users;
  const [sales, repeat] = pipelines;
  const source = addField(store, 'leads', {
    name: 'Источник',
    type: 'select',
    group: 'default',
    enums: SOURCES,
    required: [...requiredPastEntry(sales), ...requiredPastEntry(repeat)],
  });
  // The repeat-sales pipeline asks for a reason in a field of its own: a lost lead there has one even at 0.
  const lossField = addField(store, 'leads', {
    name: 'Причина отказа',
    type: 'select',
    group: 'default',
    enums: BUSY_LOSS_REASONS,
    required: [{ pipeline_id: repeat.id, status_id: 143 }],
  });
  const inn = addField(store, 'companies', { name: 'ИНН', type: 'text', group: 'default' });
  addField(store, 'contacts', { name: 'Роль в сделке', type: 'select', group: 'default', enums: ['ЛПР', 'Влияет'] });
  BUSY_LOSS_REASONS.forEach((name, i) => {
    const at = now - 70 * DAY + i * 600;
    store.lossReasons.push({ id: 48_100 + i, name, sort: (i + 1) * 10, created_at: at, updated_at: at });
  });

  const companies = Array.from({ length: 40 }, (_, i) => {
    const name = companyName(rng, i + 1);
    const c = company(store, {
      id: 66_300_000 + i,
      name,
      responsible: staff[i % staff.length]!.id,
      created: now - rng.int(40, 74) * DAY,
      phones: [formatPhone(`812${String(2_000_000 + i * 6_481).padStart(7, '0')}`, 0)],
      emails: [`office@${companyDomain(name)}`],
      extra: [plainValue(inn, String(7_800_000_000 + i * 91_873))],
    });
    store.companies.push(c);
    return c.id;
  });
  const contacts: ContactRecord[] = Array.from({ length: 260 }, (_, i) => {
    const p = person(rng);
    return contact(store, {
      id: 52_700_000 + i,
      first: p.first,
      last: p.last,
      responsible: staff[i % staff.length]!.id,
      created: now - rng.int(1, 74) * DAY,
      // Unique numbers: a bijection of i into the subscriber part.
      phones: [formatPhone(`921${String((i * 69_621 + 3_004_517) % 10_000_000).padStart(7, '0')}`, i % 3)],
      emails: [`${translit(p.first)}.${translit(p.last)}${i}@${rng.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}`],
    });
  });
  store.contacts = arrayList(contacts);

  const dealName = (c: ContactRecord | undefined, i: number) =>
    `${DEALS[i % DEALS.length]} — ${c?.last_name ?? `№${i + 1}`}`;
  const sourceValue = (r: Rng) => [selectValue(source, r.pick(SOURCES))];

  // Open leads: who owns them, when they were made and touched, and their contacts follow busy-plan.ts.
  const inWindowOwner = (i: number) => (i % 4 !== 3 ? staff[0]! : staff[1 + (Math.floor(i / 4) % 5)]!);
  const laterOwner = [staff[1]!, staff[2]!, staff[3]!, staff[4]!, staff[5]!, staff[0]!, admin];
  const open: LeadRecord[] = [];
  for (let i = 0; i < OPEN_LEADS; i++) {
    const p = i < SALES_OPEN ? sales : repeat;
    const stages = workingStages(p);
    const created =
      i < CREATED_IN_WINDOW ? now - (1 + ((i * 7) % 28)) * DAY - rng.int(0, 40_000) : now - (31 + ((i * 5) % 40)) * DAY;
    const who = INACTIVE_OWNED.has(i) ? gone : i < CREATED_IN_WINDOW ? inWindowOwner(i) : laterOwner[i % 7]!;
    const mainOf = DUPLICATE_OF.get(i) ?? i;
    const links = WITHOUT_CONTACT.has(i) ? [] : [contacts[mainOf]!.id];
    const second = SECOND_CONTACT_OF.get(i);
    if (second !== undefined) links.push(contacts[second]!.id);
    const lead = addLead(store, {
      name: dealName(contacts[mainOf], i),
      price: rng.int(8, 300) * 5_000,
      responsible: who.id,
      pipeline: p,
      status: stages[(i * 3) % stages.length]!.id,
      created,
      contacts: links,
      company: i % 3 === 0 ? null : companies[i % companies.length]!,
      values: sourceValue(rng),
    });
    lead.created_by = who.id;
    const recent = now - (i % 13) * DAY - 1_800;
    lead.updated_at = IDLE.has(i)
      ? now - (15 + (i % 16)) * DAY
      : NEARLY_IDLE.has(i)
        ? now - 13 * DAY
        : Math.max(recent, now - Math.floor((now - created) / 3));
    lead.updated_by = who.id;
    open.push(lead);
  }

  const closed = addClosedLeads(store, rng, { now, sales, repeat, staff, contacts, lossField, dealName, sourceValue });
  const cast: BusyCast = { now, sales, owner, admin, staff, gone, open, closed, contacts };
  addBusyWork(store, rng, cast);
  return store;
}

/** Won and lost leads in and before the window (busy.ts header: prices 0, reasons null/0/in a field). */
function addClosedLeads(
  store: Store,
  rng: Rng,
  c: {
    now: number;
    sales: PipelineRecord;
    repeat: PipelineRecord;
    staff: { id: number }[];
    contacts: ContactRecord[];
    lossField: ReturnType<typeof addField>;
    dealName: (c: ContactRecord | undefined, i: number) => string;
    sourceValue: (r: Rng) => ReturnType<typeof selectValue>[];
  },
): LeadRecord[] {
  const out: LeadRecord[] = [];
  const reasons = store.lossReasons;
  const add = (
    k: number,
    o: { won: boolean; p: PipelineRecord; daysAgo: number; contactAt: number; price?: number },
  ) => {
    const closedAt = c.now - Math.round(o.daysAgo * DAY);
    // A third of the closed deals are staff[0]'s too: the new leads go to him.
    const who = k % 3 === 0 ? c.staff[0]! : c.staff[1 + (k % (c.staff.length - 1))]!;
    const lead = addLead(store, {
      name: c.dealName(c.contacts[o.contactAt], 200 + k),
      price: o.price ?? rng.int(10, 400) * 5_000,
      responsible: who.id,
      pipeline: o.p,
      status: o.won ? 142 : 143,
      created: closedAt - rng.int(4, 50) * DAY,
      closedAt,
      contacts: [c.contacts[o.contactAt]!.id],
      values: c.sourceValue(rng),
    });
    out.push(lead);
    return lead;
  };
  // Won inside the window: 30, four at price 0. Before it: 25, two at price 0 (one just 1 hour outside).
  for (let k = 0; k < 30; k++)
    add(k, {
      won: true,
      p: k < 24 ? c.sales : c.repeat,
      daysAgo: 1 + ((k * 29) % 28) + 0.3,
      contactAt: 150 + k,
      price: [3, 11, 19, 27].includes(k) ? 0 : undefined,
    });
  for (let k = 0; k < 25; k++)
    add(k, {
      won: true,
      p: c.sales,
      daysAgo: k === 0 ? 30 + 1 / 24 : 31 + k * 5,
      contactAt: k < 10 ? 180 + k : (k * 7) % 150,
      price: k === 0 || k === 17 ? 0 : undefined,
    });
  // Lost inside the window: 36. «Продажи» (30): 4 with loss_reason_id null, 3 with 0, the rest a reason.
  // «Повторные продажи» (6): every one has the field required at 143 filled, 3 of them with 0/null as the id.
  for (let k = 0; k < 36; k++) {
    const inRepeat = k >= 30;
    const lead = add(k, {
      won: false,
      p: inRepeat ? c.repeat : c.sales,
      daysAgo: 1 + ((k * 11) % 28) + 0.6,
      contactAt: 190 + k,
    });
    const zero = [5, 18, 27, 30, 32].includes(k);
    const none = [2, 9, 15, 22, 31].includes(k);
    lead.loss_reason_id = zero ? 0 : none ? null : reasons[k % reasons.length]!.id;
    if (inRepeat) {
      const name = BUSY_LOSS_REASONS[k % BUSY_LOSS_REASONS.length]!;
      lead.custom_fields_values = [...(lead.custom_fields_values ?? []), selectValue(c.lossField, name)];
    }
  }
  // Lost before the window: 40, every 4th without a reason (the first just 1 hour outside the window).
  for (let k = 0; k < 40; k++) {
    const lead = add(k, {
      won: false,
      p: c.sales,
      daysAgo: k === 0 ? 30 + 1 / 24 : 31 + k * 4,
      contactAt: 226 + (k % 34),
    });
    lead.loss_reason_id = k % 4 === 0 ? null : reasons[(k * 3) % reasons.length]!.id;
  }
  return out;
}
