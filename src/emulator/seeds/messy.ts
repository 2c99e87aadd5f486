/**
 * A half-configured Russian account that fails most checklist rules: too many admins, a
 * deactivated user still owning records, open export/delete rights, default stage names,
 * unsorted off, a field required at the entry stage, a stale required status, duplicate
 * field names, a one-option select, no source field, duplicate contacts, no telephony.
 */
import type { Store } from '../store';
import { arrayList, nextId, workingStages } from '../store';
import type { ContactRecord } from '../store';
import { seedAccount } from './account';
import {
  DAY,
  addChatMessage,
  addEvent,
  addField,
  addLead,
  addUnsorted,
  addWebsiteButton,
  company,
  contact,
  entityRights,
  plainValue,
  rights,
  styledPhone,
} from './builders';
import { companyName, emailFor, formatPhone, mobileDigits, person } from './people';
import { marketplace } from './widgets';

/** Builds the messy account relative to `nowMs`. */
export function messySeed(nowMs: number): Store {
  const mail = (login: string) => `${login}@tehnostroy.ru`;
  const second = 412_337;
  const { store, rng, now, users, pipelines } = seedAccount('messy', nowMs, {
    account: { id: 30_228_417, name: 'ТехноСтрой', subdomain: 'tehnostroy', ageDays: 400 },
    lossReasons: false,
    userGroups: [{ id: second, name: 'Отдел продаж 2' }],
    roles: (add) => {
      const openRights = rights(entityRights('A', 'A', 'A', 'D', 'D'), { edit: 'A', delete: 'A' }, false);
      openRights.leads!.export = 'A';
      openRights.contacts!.delete = 'A';
      const manager = add('Менеджер', openRights);
      add('Стажёр', rights(entityRights('M', 'M', 'A', 'D', 'D'), { edit: 'M', delete: 'D' }, false));
      return { manager };
    },
    users: (add, { manager }) => ({
      admins: [
        add({ name: 'Олег Баранов', email: mail('o.baranov'), admin: true }),
        add({ name: 'Марина Орлова', email: mail('m.orlova'), admin: true }),
        add({ name: 'Денис Крылов', email: mail('d.krylov'), admin: true }),
        add({ name: 'Ирина Тарасова', email: mail('i.tarasova'), admin: true }),
      ],
      managers: [
        add({ name: 'Сергей Волков', email: mail('s.volkov'), role: manager }),
        add({ name: 'Анна Козлова', email: mail('a.kozlova'), role: manager }),
        add({ name: 'Павел Егоров', email: mail('p.egorov'), role: manager, group: second }),
        add({ name: 'Юлия Никитина', email: mail('y.nikitina'), role: manager, group: second }),
        // No role: rights were set on the user directly.
        add({
          name: 'Кирилл Фролов',
          email: mail('k.frolov'),
          own: rights(entityRights('A', 'A', 'A', 'G', 'A'), { edit: 'A', delete: 'A' }, false),
        }),
      ],
      gone: add({ name: 'Виктор Сидоров', email: mail('v.sidorov'), role: manager, active: false }),
    }),
    pipelines: [
      {
        name: 'Продажи',
        main: true,
        unsorted: false,
        stages: ['Первичный контакт', 'Переговоры', 'Выставлен счёт', 'Принимают решение'],
      },
      { name: 'Партнёры', unsorted: true, stages: ['Новый партнёр', 'Договор подписан'] },
    ],
  });
  const { admins, managers, gone } = users;
  const [sales, partners] = pipelines;
  const owners = [...managers, ...managers, admins[0]!];
  const entry = sales.statuses.find((s) => s.name === 'Первичный контакт')!;
  // A stage that was later deleted: its id stays in a field's required_statuses.
  const deletedStatusId = nextId(store, 'status');
  const budget = addField(store, 'leads', {
    name: 'Бюджет проекта',
    type: 'numeric',
    group: 'default',
    required: [{ pipeline_id: sales.id, status_id: entry.id }],
  });
  addField(store, 'leads', {
    name: 'Дата замера',
    type: 'date',
    group: 'default',
    required: [{ pipeline_id: sales.id, status_id: deletedStatusId }],
  });
  addField(store, 'leads', { name: 'Тип объекта', type: 'select', group: 'default', enums: ['Квартира'] });
  addField(store, 'leads', { name: 'Комментарий менеджера', type: 'textarea', group: 'default' });
  addField(store, 'contacts', { name: 'Телефон', type: 'text', group: 'default' });
  addField(store, 'contacts', { name: 'Город', type: 'text', group: 'default' });
  addField(store, 'companies', { name: 'ИНН', type: 'text', group: 'default' });
  addField(store, 'companies', { name: 'инн ', type: 'numeric', group: 'default' });

  // ~200 contacts: duplicates by phone format and by e-mail case/spaces, some with no channel.
  const contacts: ContactRecord[] = [];
  let id = 41_870_000;
  const phones: string[] = [];
  const emails: string[] = [];
  for (let i = 0; i < 204; i++) {
    const p = person(rng);
    const owner = i % 14 === 5 ? gone.id : rng.pick(owners).id;
    const created = now - rng.int(2, 380) * DAY;
    let ph: string[] = [];
    let em: string[] = [];
    if (i % 17 === 3) {
      /* no phone, no e-mail */
    } else if (i % 19 === 7 && phones.length > 0) {
      ph = [formatPhone(phones[phones.length - 1]!, i)]; // same number as an earlier contact, another format
    } else if (i % 23 === 11 && emails.length > 0) {
      const e = emails[emails.length - 1]!;
      em = [` ${e.charAt(0).toUpperCase()}${e.slice(1)} `];
    } else {
      const ten = mobileDigits(rng);
      phones.push(ten);
      ph = [styledPhone(rng, ten)];
      if (rng.chance(0.6)) {
        const e = emailFor(p, rng);
        emails.push(e);
        em = [e];
      }
    }
    contacts.push(
      contact(store, { id: id++, first: p.first, last: p.last, responsible: owner, created, phones: ph, emails: em }),
    );
  }
  store.contacts = arrayList(contacts);

  for (let i = 0; i < 24; i++) {
    const name = companyName(rng, i % 5 === 0 ? i : undefined);
    store.companies.push(
      company(store, {
        id: 52_300_000 + i,
        name,
        responsible: rng.pick(owners).id,
        created: now - rng.int(10, 390) * DAY,
        phones: rng.chance(0.7) ? [formatPhone(mobileDigits(rng), 0)] : [],
        emails: [],
      }),
    );
  }

  const open = workingStages(sales);
  const subjects = [
    'Ремонт офиса',
    'Поставка материалов',
    'Отделка квартиры',
    'Монтаж вентиляции',
    'Проект дома',
    'Кровельные работы',
  ];
  for (let i = 0; i < 64; i++) {
    const c = contacts[i * 3]!;
    const closed = i % 4 === 0;
    const status = closed ? (i % 8 === 0 ? 142 : 143) : rng.pick(open).id;
    const created = now - rng.int(1, 200) * DAY;
    const owner = i % 9 === 2 ? gone.id : c.responsible_user_id;
    addLead(store, {
      name: `${rng.pick(subjects)} — ${c.last_name}`,
      price: rng.int(5, 90) * 10_000,
      responsible: owner,
      pipeline: i % 10 === 9 ? partners : sales,
      status: i % 10 === 9 ? partners.statuses[1]!.id : status,
      created,
      closedAt: closed ? created + rng.int(1, 30) * DAY : undefined,
      contacts: [c.id],
      values: [plainValue(budget, String(rng.int(1, 50) * 50_000))],
    });
  }

  // Signals within the last 30 days: mail and forms in unsorted, Telegram chats; no calls at all.
  const lead = () => store.leads[rng.int(0, store.leads.length - 1)]!.id;
  for (let i = 0; i < 3; i++)
    addUnsorted(store, rng, {
      category: 'mail',
      pipeline: sales,
      created: now - rng.int(1, 25) * DAY - rng.int(0, 80_000),
      lead: lead(),
      who: person(rng).name,
      email: emailFor(person(rng), rng),
    });
  for (let i = 0; i < 4; i++)
    addUnsorted(store, rng, {
      category: 'forms',
      pipeline: sales,
      created: now - rng.int(1, 28) * DAY - rng.int(0, 80_000),
      lead: lead(),
      who: person(rng).name,
      form: 'Заявка на замер',
      state: i === 0 ? 'accepted' : 'new',
    });
  for (let i = 0; i < 5; i++) {
    const c = rng.pick(contacts);
    addUnsorted(store, rng, {
      category: 'chats',
      pipeline: sales,
      created: now - rng.int(0, 20) * DAY - rng.int(0, 80_000),
      lead: lead(),
      contact: c.id,
      who: c.name,
      service: 'telegram',
    });
  }
  for (let i = 0; i < 7; i++) {
    const c = rng.pick(contacts);
    addChatMessage(store, c, now - rng.int(0, 27) * DAY - rng.int(0, 80_000), `${rng.int(1e7, 9e7)}-tg`);
  }
  for (let i = 0; i < 12; i++) {
    const l = rng.pick(store.leads);
    addEvent(store, {
      type: 'lead_status_changed',
      entityType: 'lead',
      entityId: l.id,
      by: l.responsible_user_id,
      at: now - rng.int(0, 60) * DAY,
      after: [{ lead_status: { id: l.status_id, pipeline_id: l.pipeline_id } }],
    });
  }

  addWebsiteButton(store, {
    sourceId: 8_143_201,
    buttonId: 77_431,
    name: 'Кнопка на сайте',
    pipelineId: sales.id,
    duplicationControl: false,
  });
  marketplace(store, rng, 120, ['amo_dropbox']);
  return store;
}
