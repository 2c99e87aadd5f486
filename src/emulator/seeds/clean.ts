/**
 * An account set up by the default baseline "b2b-services": baseline stages, source and loss
 * reason fields with the required-field matrix, company/contact fields, two admins, roles with
 * the baseline manager rights, unsorted on, and every channel active in the last 30 days.
 */
import type { Store } from '../store';
import { arrayList } from '../store';
import type { ContactRecord, TaskRecord } from '../store';
import {
  DAY,
  addCall,
  addEvent,
  addField,
  addLead,
  addMailNote,
  addPipeline,
  addPredefined,
  addRole,
  addUnsorted,
  addUser,
  company,
  contact,
  emptyStore,
  entityRights,
  rights,
  selectValue,
} from './builders';
import { companyDomain, companyName, formatPhone, person, translit } from './people';
import { createRng } from './prng';
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

/** Builds the clean account relative to `nowMs`. */
export function cleanSeed(nowMs: number): Store {
  const rng = createRng('clean');
  const now = Math.floor(nowMs / 1000);
  const store = emptyStore('clean', rng, now, {
    id: 29_874_530,
    name: 'Вектор Консалтинг',
    subdomain: 'vectorconsult',
    ageDays: 240,
  });
  store.account.is_loss_reason_enabled = true;

  const managerRights = rights(entityRights('A', 'M', 'A', 'M', 'D'), { edit: 'M', delete: 'M' }, true);
  const manager = addRole(store, 'Менеджер', managerRights);
  const lead = addRole(
    store,
    'Руководитель отдела',
    rights(entityRights('A', 'A', 'A', 'M', 'D'), { edit: 'A', delete: 'M' }, true),
  );
  const admins = [
    addUser(store, rng, { name: 'Елена Морозова', email: 'e.morozova@vectorconsult.ru', admin: true }),
    addUser(store, rng, { name: 'Андрей Лебедев', email: 'a.lebedev@vectorconsult.ru', admin: true }),
  ];
  const staff = [
    addUser(store, rng, { name: 'Наталья Соколова', email: 'n.sokolova@vectorconsult.ru', role: lead }),
    addUser(store, rng, { name: 'Максим Павлов', email: 'm.pavlov@vectorconsult.ru', role: manager }),
    addUser(store, rng, { name: 'Дарья Белова', email: 'd.belova@vectorconsult.ru', role: manager }),
    addUser(store, rng, { name: 'Илья Захаров', email: 'i.zakharov@vectorconsult.ru', role: manager }),
    addUser(store, rng, { name: 'Ксения Григорьева', email: 'k.grigoryeva@vectorconsult.ru', role: manager }),
    addUser(store, rng, { name: 'Роман Антонов', email: 'r.antonov@vectorconsult.ru', role: manager }),
  ];

  const sales = addPipeline(store, {
    name: 'Продажи',
    main: true,
    unsorted: true,
    stages: BASELINE_STAGES,
    won: 'Успех',
  });
  addPredefined(store);
  const working = sales.statuses.filter((s) => s.type === 0 && s.id !== 142 && s.id !== 143);
  const source = addField(store, 'leads', {
    name: 'Источник',
    type: 'select',
    group: 'default',
    enums: SOURCES,
    required: [...working.slice(1), sales.statuses.find((s) => s.id === 142)!].map((s) => ({
      pipeline_id: sales.id,
      status_id: s.id,
    })),
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
        {
          field_id: inn.id,
          field_name: inn.name,
          field_code: null,
          field_type: 'text',
          values: [{ value: String(7_700_000_000 + i * 104_729) }],
        },
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
  for (let i = 0; i < 8; i++) {
    const c = rng.pick(contacts);
    const l = store.leads.find((x) => x.contact_ids.includes(c.id));
    addEvent(store, {
      type: 'incoming_chat_message',
      entityType: l ? 'lead' : 'contact',
      entityId: l ? l.id : c.id,
      by: 0,
      at: recent(),
      after: [{ message: { id: `${rng.int(1e7, 9e7)}-chat` } }],
      linkedContact: c.id,
    });
  }
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

  store.websiteButtons.push(
    {
      account_id: store.account.id,
      source_id: 9_120_001,
      button_id: 80_101,
      is_duplication_control_enabled: true,
      name: 'Форма на сайте',
      creation_status: 'created',
      pipeline_id: sales.id,
      script: '<script>/* amoCRM button */</script>',
    },
    {
      account_id: store.account.id,
      source_id: 9_120_002,
      button_id: 80_102,
      is_duplication_control_enabled: true,
      name: 'Виджет обратного звонка',
      creation_status: 'created',
      pipeline_id: sales.id,
      script: '<script>/* amoCRM button */</script>',
    },
  );
  marketplace(store, rng, 60, ['mango_office', 'wazzup'], sales.id);
  addNextTasks(store, now);
  void admins;
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
