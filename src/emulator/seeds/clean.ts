/**
 * An account set up by the default baseline "b2b-services": baseline stages, source and loss
 * reason fields with the required-field matrix, company/contact fields, two admins, roles with
 * the baseline manager rights, unsorted on, and every channel active in the last 30 days.
 */
import type { RoleRightsDto } from '../../api/dto';
import type { Store } from '../store';
import { arrayList, workingStages } from '../store';
import type { ContactRecord, RoleRecord, TaskRecord } from '../store';
import { seedAccount } from './account';
import {
  DAY,
  addCall,
  addChatMessage,
  addField,
  addLead,
  addMailNote,
  addUnsorted,
  addWebsiteButton,
  company,
  contact,
  entityRights,
  plainValue,
  requiredPastEntry,
  rights,
  selectValue,
} from './builders';
import { companyDomain, companyName, formatPhone, person, translit } from './people';
import { marketplace } from './widgets';

/** Baseline stage template. */
export const BASELINE_STAGES = [
  'Заявка',
  'Переговоры',
  'КП',
  'Согласование условий',
  'Договор',
  'Предоплата',
  'Проект',
  'Оплата',
];
const SOURCES = ['Сайт', 'Звонок', 'Почта', 'Чат', 'Telegram', 'WhatsApp', 'ВКонтакте', 'Рекомендация', 'Другое'];
const LOSS = ['Дорого', 'Выбрали конкурента', 'Нет потребности', 'Не вышли на связь', 'Другое'];

/**
 * The baseline's roles (what `clean` and `busy` were set up with): managers edit and delete only their own
 * records, the head of sales edits all; neither may export.
 */
export function baselineRoles(add: (name: string, r: RoleRightsDto) => RoleRecord) {
  return {
    manager: add('Менеджер', rights(entityRights('A', 'M', 'A', 'M', 'D'), { edit: 'M', delete: 'M' }, true)),
    head: add('Руководитель отдела', rights(entityRights('A', 'A', 'A', 'M', 'D'), { edit: 'A', delete: 'M' }, true)),
  };
}

/** Builds the clean account relative to `nowMs`. */
export function cleanSeed(nowMs: number): Store {
  const mail = (login: string) => `${login}@vectorconsult.ru`;
  const { store, rng, now, users, pipelines } = seedAccount('clean', nowMs, {
    account: { id: 29_874_530, name: 'Вектор Консалтинг', subdomain: 'vectorconsult', ageDays: 240 },
    lossReasons: true,
    roles: baselineRoles,
    users: (add, { manager, head }) => ({
      admins: [
        add({ name: 'Елена Морозова', email: mail('e.morozova'), admin: true }),
        add({ name: 'Андрей Лебедев', email: mail('a.lebedev'), admin: true }),
      ],
      staff: [
        add({ name: 'Наталья Соколова', email: mail('n.sokolova'), role: head }),
        add({ name: 'Максим Павлов', email: mail('m.pavlov'), role: manager }),
        add({ name: 'Дарья Белова', email: mail('d.belova'), role: manager }),
        add({ name: 'Илья Захаров', email: mail('i.zakharov'), role: manager }),
        add({ name: 'Ксения Григорьева', email: mail('k.grigoryeva'), role: manager }),
        add({ name: 'Роман Антонов', email: mail('r.antonov'), role: manager }),
      ],
    }),
    pipelines: [{ name: 'Продажи', main: true, unsorted: true, stages: BASELINE_STAGES, won: 'Успех' }],
  });
  const { staff } = users;
  const [sales] = pipelines;
  const working = workingStages(sales);
  const source = addField(store, 'leads', {
    name: 'Источник',
    type: 'select',
    group: 'default',
    enums: SOURCES,
    required: requiredPastEntry(sales),
  });
  const loss = addField(store, 'leads', {
    name: 'Причина отказа',
    type: 'select',
    group: 'default',
    enums: LOSS,
    required: [{ pipeline_id: sales.id, status_id: 143 }],
  });
  const inn = addField(store, 'companies', { name: 'ИНН', type: 'text', group: 'default' });
  const industry = addField(store, 'companies', {
    name: 'Отрасль',
    type: 'select',
    group: 'default',
    enums: ['ИТ', 'Производство', 'Торговля', 'Строительство', 'Услуги', 'Другое'],
  });
  const role = addField(store, 'contacts', {
    name: 'Роль в сделке',
    type: 'select',
    group: 'default',
    enums: ['ЛПР', 'Влияет', 'Пользователь'],
  });

  const owners = staff.slice(1);
  const companies: number[] = [];
  for (let i = 0; i < 30; i++) {
    const name = companyName(rng, i + 1);
    const c = company(store, {
      id: 61_200_000 + i,
      name,
      responsible: rng.pick(owners).id,
      created: now - rng.int(20, 230) * DAY,
      phones: [formatPhone(`495${String(1_000_000 + i * 7_919).padStart(7, '0')}`, 0)],
      emails: [`info@${companyDomain(name)}`],
      extra: [
        plainValue(inn, String(7_700_000_000 + i * 104_729)),
        selectValue(industry, rng.pick(industry.enums!).value),
      ],
    });
    store.companies.push(c);
    companies.push(c.id);
  }

  const contacts: ContactRecord[] = [];
  for (let i = 0; i < 150; i++) {
    const p = person(rng);
    // Unique numbers: a bijection of i into the subscriber part.
    const ten = `916${String((i * 48_271 + 1_203_417) % 10_000_000).padStart(7, '0')}`;
    contacts.push(
      contact(store, {
        id: 43_500_000 + i,
        first: p.first,
        last: p.last,
        responsible: rng.pick(owners).id,
        created: now - rng.int(1, 230) * DAY,
        phones: [formatPhone(ten, 0)],
        emails: [`${translit(p.first)}.${translit(p.last)}${i}@${rng.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}`],
        extra: [selectValue(role, rng.pick(['ЛПР', 'Влияет', 'Пользователь']))],
      }),
    );
  }
  store.contacts = arrayList(contacts);

  for (let i = 0; i < 80; i++) {
    const c = contacts[i]!;
    const closed = i % 5 === 0;
    const status = closed ? (i % 10 === 0 ? 142 : 143) : working[i % working.length]!.id;
    const created = now - rng.int(1, 200) * DAY;
    const values = [selectValue(source, rng.pick(SOURCES))];
    if (status === 143) values.push(selectValue(loss, rng.pick(LOSS)));
    addLead(store, {
      name: `Консалтинг — ${c.last_name}`,
      price: rng.int(10, 200) * 5_000,
      responsible: c.responsible_user_id,
      pipeline: sales,
      status,
      created,
      closedAt: closed ? created + rng.int(3, 40) * DAY : undefined,
      contacts: [c.id],
      company: companies[i % companies.length]!,
      values,
    });
  }

  const recent = () => now - rng.int(0, 25) * DAY - rng.int(0, 80_000);
  // What still waits in Incoming leads arrived today: a well-run team sorts it within hours (In use:
  // unsorted-backlog passes). The draw is still made, so every later value of the seed stays where it was.
  let waiting = 0;
  const today = (drawn: number): number => {
    void drawn;
    waiting += 1;
    return now - waiting * 3_600;
  };
  const someLead = () => rng.pick(store.leads);
  for (let i = 0; i < 5; i++)
    addUnsorted(store, rng, {
      category: 'mail',
      pipeline: sales,
      created: i < 2 ? recent() : today(recent()),
      lead: someLead().id,
      who: person(rng).name,
      email: 'zakaz@client-mail.ru',
      state: i < 2 ? 'accepted' : 'new',
    });
  for (let i = 0; i < 6; i++)
    addUnsorted(store, rng, {
      category: 'forms',
      pipeline: sales,
      created: i < 3 ? recent() : today(recent()),
      lead: someLead().id,
      who: person(rng).name,
      form: 'Заявка на консультацию',
      state: i < 3 ? 'accepted' : 'new',
    });
  for (let i = 0; i < 4; i++)
    addUnsorted(store, rng, {
      category: 'sip',
      pipeline: sales,
      created: today(recent()),
      lead: someLead().id,
      who: person(rng).name,
      phone: `+7916${rng.int(1_000_000, 9_999_999)}`,
    });
  for (let i = 0; i < 5; i++) {
    const c = rng.pick(contacts);
    addUnsorted(store, rng, {
      category: 'chats',
      pipeline: sales,
      created: today(recent()),
      lead: someLead().id,
      contact: c.id,
      who: c.name,
      service: i % 2 === 0 ? 'telegram' : 'whatsapp',
    });
  }
  for (let i = 0; i < 12; i++) {
    const l = someLead();
    const phone = contacts.find((c) => c.id === l.contact_ids[0])!.custom_fields_values![0]!.values[0]!.value as string;
    addCall(store, rng, {
      entity: 'leads',
      entityId: l.id,
      by: l.responsible_user_id,
      at: recent(),
      inbound: i % 3 !== 0,
      phone,
      source: 'mango_office',
    });
  }
  for (let i = 0; i < 8; i++) addChatMessage(store, rng.pick(contacts), recent(), `${rng.int(1e7, 9e7)}-chat`);
  for (let i = 0; i < 6; i++) {
    const l = someLead();
    addMailNote(store, rng, {
      entity: 'leads',
      entityId: l.id,
      by: l.responsible_user_id,
      at: recent(),
      from: 'client@mail.ru',
      to: 'sales@vectorconsult.ru',
      income: i % 2 === 0,
    });
  }

  addWebsiteButton(store, {
    sourceId: 9_120_001,
    buttonId: 80_101,
    name: 'Форма на сайте',
    pipelineId: sales.id,
    duplicationControl: true,
  });
  addWebsiteButton(store, {
    sourceId: 9_120_002,
    buttonId: 80_102,
    name: 'Виджет обратного звонка',
    pipelineId: sales.id,
    duplicationControl: true,
  });
  marketplace(store, rng, 60, ['mango_office', 'wazzup'], sales.id);
  addNextTasks(store, now);
  return store;
}

/**
 * A month after go-live every open deal of a well-run account has its next task and was touched within the
 * fortnight (the In use area passes). Arithmetic, not draws: the rest of the seed stays as it was.
 */
function addNextTasks(store: Store, now: number): void {
  const tasks: TaskRecord[] = [];
  const open = store.leads.filter((l) => l.status_id !== 142 && l.status_id !== 143);
  open.forEach((lead, i) => {
    lead.updated_at = Math.max(lead.created_at ?? 0, now - (i % 12) * DAY - 3_600);
    const till = now + (1 + (i % 7)) * DAY;
    lead.closest_task_at = till;
    tasks.push({
      id: 61_200_000 + i,
      created_by: lead.responsible_user_id,
      updated_by: lead.responsible_user_id,
      created_at: lead.updated_at,
      updated_at: lead.updated_at,
      responsible_user_id: lead.responsible_user_id,
      group_id: 0,
      entity_id: lead.id,
      entity_type: 'leads',
      duration: 0,
      is_completed: false,
      task_type_id: i % 4 === 0 ? 2 : 1,
      text: i % 4 === 0 ? 'Встреча: обсудить КП' : 'Позвонить: договориться о следующем шаге',
      result: [],
      complete_till: till,
    });
  });
  store.tasks = arrayList(tasks);
}
