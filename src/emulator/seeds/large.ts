/**
 * A large account: 50 pipelines × 20 stages, 500 fields per entity, 300 users, 40 roles,
 * 1,200 widgets, 100,000 contacts computed on demand (contact i comes from its own PRNG
 * stream), so memory stays small and any page can be served without generating the rest, and 800 open
 * tasks computed the same way.
 */
import type { FieldEntity } from '../../api/dto';
import type { ContactRecord, LeadRecord, RecordList, Store, TaskRecord } from '../store';
import {
  DAY,
  addCall,
  addEvent,
  addField,
  addLead,
  addUnsorted,
  addWebsiteButton,
  company,
  contact,
  entityRights,
  rights,
} from './builders';
import { seedAccount } from './account';
import { FEMALE_FIRST, LAST, MALE_FIRST, companyName, feminine, formatPhone, person, translit } from './people';
import { hashString, mulberry32 } from './prng';
import { marketplace } from './widgets';

/** Number of contacts in the large account. */
export const LARGE_CONTACTS = 100_000;
const FIRST_CONTACT_ID = 20_000_001;
const TYPES = [
  'text',
  'numeric',
  'select',
  'multiselect',
  'date',
  'checkbox',
  'textarea',
  'url',
  'radiobutton',
  'date_time',
];

/** Open tasks in the large account: a few pages of 250, so the request budget is measured over paging. */
export const LARGE_OPEN_TASKS = 800;
const FIRST_TASK_ID = 60_000_001;

/** Lazily computed contacts; `generated` counts computed records (tests check laziness). */
export interface LazyContacts extends RecordList<ContactRecord> {
  generated: number;
}

function lazyContacts(store: Store, nowSec: number, owners: number[]): LazyContacts {
  const salt = hashString('large-contacts');
  const tenOf = (i: number) => `9${String((i * 7_919 + 12_345_678) % 1_000_000_000).padStart(9, '0')}`;
  const list: LazyContacts = {
    generated: 0,
    length: LARGE_CONTACTS,
    at(i: number): ContactRecord {
      list.generated += 1;
      const r = mulberry32((salt ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
      const female = r() < 0.5;
      const first = pick(female ? FEMALE_FIRST : MALE_FIRST);
      const last = female ? feminine(pick(LAST)) : pick(LAST);
      // Every 997th contact repeats the previous contact's number in another format: duplicates to find.
      const dup = i % 997 === 996;
      const ten = tenOf(dup ? i - 1 : i);
      const noChannel = i % 50 === 17;
      return contact(store, {
        id: FIRST_CONTACT_ID + i,
        first,
        last,
        responsible: owners[Math.floor(r() * owners.length)]!,
        created: nowSec - 400 * DAY + Math.floor((i / LARGE_CONTACTS) * 395 * DAY),
        phones: noChannel ? [] : [formatPhone(ten, dup ? 1 : 0)],
        emails: noChannel || r() < 0.4 ? [] : [`${translit(first)}.${translit(last)}${i}@mail.ru`],
      });
    },
    byId(id: number) {
      const i = id - FIRST_CONTACT_ID;
      return Number.isInteger(i) && i >= 0 && i < LARGE_CONTACTS ? list.at(i) : undefined;
    },
  };
  return list;
}

/** Lazily computed tasks; `generated` counts computed records. */
export interface LazyTasks extends RecordList<TaskRecord> {
  generated: number;
}

/** Task i's lead (i × 7 is a bijection over the 3,000 leads, so 800 tasks land on 800 leads). */
function taskLead(leads: LeadRecord[], i: number): LeadRecord {
  return leads[(i * 7) % leads.length]!;
}

/** Task i's due date: from 4 days overdue to 16 days ahead, spread over the day. */
function taskTill(nowSec: number, i: number): number {
  return nowSec + ((i % 21) - 4) * DAY + (i % 97) * 600;
}

/**
 * Open tasks computed on demand (task i from its index alone); each lead with a task gets that task's due
 * date as its `closest_task_at`, computed without building the task.
 */
function lazyTasks(store: Store, nowSec: number): LazyTasks {
  const leads = store.leads;
  for (let i = 0; i < LARGE_OPEN_TASKS; i++) taskLead(leads, i).closest_task_at = taskTill(nowSec, i);
  const list: LazyTasks = {
    generated: 0,
    length: LARGE_OPEN_TASKS,
    at(i: number): TaskRecord {
      list.generated += 1;
      const lead = taskLead(leads, i);
      const created = nowSec - (10 + (i % 40)) * DAY;
      const meeting = i % 4 === 0;
      return {
        id: FIRST_TASK_ID + i,
        created_by: lead.responsible_user_id,
        updated_by: lead.responsible_user_id,
        created_at: created,
        updated_at: created + (i % 5) * DAY,
        responsible_user_id: lead.responsible_user_id,
        group_id: 0,
        entity_id: lead.id,
        entity_type: 'leads',
        duration: meeting ? 3_600 : 0,
        is_completed: false,
        task_type_id: meeting ? 2 : 1,
        text: meeting ? 'Встреча с клиентом' : 'Перезвонить клиенту',
        result: [],
        complete_till: taskTill(nowSec, i),
      };
    },
    byId(id: number) {
      const i = id - FIRST_TASK_ID;
      return Number.isInteger(i) && i >= 0 && i < LARGE_OPEN_TASKS ? list.at(i) : undefined;
    },
  };
  return list;
}

/** Builds the large account relative to `nowMs`. */
export function largeSeed(nowMs: number): Store {
  const { store, rng, now, pipelines } = seedAccount('large', nowMs, {
    account: { id: 28_000_777, name: 'Федеральная сеть «Мегаполис»', subdomain: 'megapolis', ageDays: 1500 },
    lossReasons: true,
    userGroups: Array.from({ length: 12 }, (_, g) => ({ id: 300_001 + g, name: `Отдел продаж ${g + 2}` })),
    roles: (add) =>
      Array.from({ length: 40 }, (_, i) =>
        add(
          `Роль ${i + 1}: ${['Менеджер', 'Старший менеджер', 'Руководитель', 'Оператор', 'Логист'][i % 5]}`,
          rights(
            entityRights('A', i % 3 === 0 ? 'A' : 'M', 'A', i % 7 === 0 ? 'G' : 'M', i % 11 === 0 ? 'A' : 'D'),
            { edit: 'M', delete: 'M' },
            i % 2 === 0,
          ),
        ),
      ),
    users: (add, roles, r) => {
      for (let i = 0; i < 300; i++) {
        const p = person(r);
        add({
          name: p.name,
          email: `${translit(p.first)}.${translit(p.last)}${i}@megapolis.ru`,
          admin: i < 6,
          active: i % 25 !== 24,
          role: i < 6 ? undefined : roles[i % 40],
          group: i < 6 ? 0 : 300_001 + (i % 12),
        });
      }
    },
    pipelines: Array.from({ length: 50 }, (_, p) => ({
      name: p === 0 ? 'Основная воронка' : `Воронка ${p + 1}`,
      main: p === 0,
      unsorted: true,
      stages: Array.from({ length: 17 }, (_, s) => `Этап ${s + 1}`),
    })),
  });
  const owners = store.users.filter((u) => u.rights.is_active).map((u) => u.id);
  for (const e of ['leads', 'contacts', 'companies'] as FieldEntity[]) {
    while (store.fields[e].length < 500) {
      const n = store.fields[e].length + 1;
      const type = TYPES[n % TYPES.length]!;
      const list = type === 'select' || type === 'multiselect' || type === 'radiobutton';
      const p = pipelines[n % 50]!;
      addField(store, e, {
        name: `Поле ${n}`,
        type,
        group: 'default',
        enums: list ? Array.from({ length: 1 + (n % 6) }, (_, k) => `Вариант ${k + 1}`) : undefined,
        required: n % 40 === 0 ? [{ pipeline_id: p.id, status_id: p.statuses[2 + (n % 10)]!.id }] : [],
      });
    }
  }

  const contacts = lazyContacts(store, now, owners);
  store.contacts = contacts;
  for (let i = 0; i < 500; i++) {
    store.companies.push(
      company(store, {
        id: 70_000_000 + i,
        name: companyName(rng, i + 1),
        responsible: rng.pick(owners),
        created: now - rng.int(30, 1400) * DAY,
        phones: [formatPhone(`812${String(1_000_000 + i * 3_571).padStart(7, '0')}`, 0)],
        emails: [],
      }),
    );
  }
  for (let i = 0; i < 3000; i++) {
    const p = pipelines[i % 50]!;
    const st = p.statuses[1 + (i % 19)]!;
    const status = st.type === 1 ? p.statuses[2]!.id : st.id;
    const c = contacts.at((i * 31) % LARGE_CONTACTS);
    addLead(store, {
      name: `Сделка №${i + 1}`,
      price: rng.int(1, 500) * 1_000,
      responsible: c.responsible_user_id,
      pipeline: p,
      status,
      created: now - rng.int(1, 700) * DAY,
      contacts: [c.id],
    });
  }

  store.tasks = lazyTasks(store, now);

  const recent = () => now - rng.int(0, 29) * DAY - rng.int(0, 80_000);
  for (let i = 0; i < 60; i++) {
    const cat = (['mail', 'forms', 'sip', 'chats'] as const)[i % 4]!;
    addUnsorted(store, rng, {
      category: cat,
      pipeline: pipelines[i % 50]!,
      created: recent(),
      lead: store.leads[i * 7]!.id,
      who: person(rng).name,
      service: i % 8 === 3 ? 'whatsapp' : 'telegram',
      phone: `+7${9_160_000_000 + i}`,
    });
  }
  for (let i = 0; i < 400; i++) {
    const l = store.leads[(i * 13) % store.leads.length]!;
    if (i % 2 === 0)
      addCall(store, rng, {
        entity: 'leads',
        entityId: l.id,
        by: l.responsible_user_id,
        at: recent(),
        inbound: i % 4 === 0,
        phone: `+7${9_000_000_000 + i}`,
        source: 'uiscom',
      });
    else
      addEvent(store, {
        type: 'incoming_chat_message',
        entityType: 'lead',
        entityId: l.id,
        by: 0,
        at: recent(),
        after: [{ message: { id: `${i}-msg` } }],
        linkedContact: l.contact_ids[0],
      });
  }
  marketplace(store, rng, 1200, ['uiscom', 'wazzup', 'amo_dropbox'], pipelines[0]!.id);
  addWebsiteButton(store, {
    sourceId: 7_000_001,
    buttonId: 60_001,
    name: 'Форма на сайте',
    pipelineId: pipelines[0]!.id,
    duplicationControl: true,
    script: false,
  });
  return store;
}
