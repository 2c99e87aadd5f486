import { expect, it } from 'vitest';
import { ruleTable } from './table';
import { enums, field, MAIN, ok, pipeline, runRule, snapshot } from '../fixtures';
import { customFieldsMissing } from '../../../src/audit/rules/fields/custom-fields-missing';
import { leadSourceFieldMissing } from '../../../src/audit/rules/fields/lead-source-field-missing';
import { duplicateFieldNames } from '../../../src/audit/rules/fields/duplicate-field-names';
import { selectOptionsFew } from '../../../src/audit/rules/fields/select-options-few';
import { requiredAtEntryStage } from '../../../src/audit/rules/fields/required-at-entry-stage';
import { requiredFieldsAbsent } from '../../../src/audit/rules/fields/required-fields-absent';
import { requiredStatusesStale } from '../../../src/audit/rules/fields/required-statuses-stale';
import { lossReasonMissing } from '../../../src/audit/rules/fields/loss-reason-missing';
import { setupDocumentApproved } from '../../../src/audit/rules/fields/setup-document-approved';
import { defaultBaseline } from '../../../src/audit/baseline/load';
import { LANGS } from '../../../src/i18n/langs';

const predefinedPhone = field(601, 'Телефон', { type: 'multitext', is_predefined: true, entity_type: 'contacts' });
const utm = field(503, 'utm_source', { type: 'tracking_data', is_predefined: false });

ruleTable(customFieldsMissing, [
  { name: 'every entity has a custom field', parts: {}, outcome: 'pass', items: [] },
  {
    name: 'contacts only predefined',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/contacts/custom_fields',
          body: [
            {
              name: 'Роль в сделке',
              type: 'select',
              enums: [
                { value: 'ЛПР', sort: 10 },
                { value: 'Влияет', sort: 20 },
                { value: 'Пользователь', sort: 30 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.contacts',
            params: { field: 'Роль в сделке', options: 'ЛПР, Влияет, Пользователь' },
          },
        },
      ],
    },
    parts: { contactFields: ok([predefinedPhone]) },
    outcome: 'fail',
    items: ['entity:contacts'],
  },
  {
    name: 'tracking_data does not count, empty companies too',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Источник',
              type: 'select',
              enums: [
                { value: 'Сайт', sort: 10 },
                { value: 'Звонок', sort: 20 },
                { value: 'Почта', sort: 30 },
                { value: 'Чат', sort: 40 },
                { value: 'Telegram', sort: 50 },
                { value: 'WhatsApp', sort: 60 },
                { value: 'ВКонтакте', sort: 70 },
                { value: 'Рекомендация', sort: 80 },
                { value: 'Другое', sort: 90 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.leads',
            params: {
              field: 'Источник',
              options: 'Сайт, Звонок, Почта, Чат, Telegram, WhatsApp, ВКонтакте, Рекомендация, Другое',
            },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Причина отказа',
              type: 'select',
              enums: [
                { value: 'Дорого', sort: 10 },
                { value: 'Выбрали конкурента', sort: 20 },
                { value: 'Нет потребности', sort: 30 },
                { value: 'Не вышли на связь', sort: 40 },
                { value: 'Другое', sort: 50 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.leads',
            params: {
              field: 'Причина отказа',
              options: 'Дорого, Выбрали конкурента, Нет потребности, Не вышли на связь, Другое',
            },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/companies/custom_fields',
          body: [{ name: 'ИНН', type: 'text' }],
          summary: { key: 'fix.op.createField.companies', params: { field: 'ИНН' } },
        },
        {
          method: 'POST',
          path: '/api/v4/companies/custom_fields',
          body: [
            {
              name: 'Отрасль',
              type: 'select',
              enums: [
                { value: 'Услуги', sort: 10 },
                { value: 'Производство', sort: 20 },
                { value: 'Торговля', sort: 30 },
                { value: 'ИТ', sort: 40 },
                { value: 'Другое', sort: 50 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.companies',
            params: { field: 'Отрасль', options: 'Услуги, Производство, Торговля, ИТ, Другое' },
          },
        },
      ],
    },
    parts: { leadFields: ok([utm]), companyFields: ok([]) },
    outcome: 'fail',
    items: ['entity:leads', 'entity:companies'],
  },
]);

ruleTable(leadSourceFieldMissing, [
  { name: 'select "Источник"', parts: {}, outcome: 'pass' },
  {
    name: 'radiobutton "Lead channel"',
    parts: { leadFields: ok([field(1, ' Lead  CHANNEL ', { type: 'radiobutton', enums: enums(2) })]) },
    outcome: 'pass',
  },
  {
    name: 'multiselect "Канал"',
    parts: { leadFields: ok([field(1, 'Канал', { type: 'multiselect', enums: enums(2) })]) },
    outcome: 'pass',
  },
  // What the es fix writes («Fuente») and a Spanish account's own wording («Canal de origen»).
  {
    name: 'select "Fuente"',
    parts: { leadFields: ok([field(1, 'Fuente', { type: 'select', enums: enums(2) })]) },
    outcome: 'pass',
  },
  {
    name: 'select "Canal de origen"',
    parts: { leadFields: ok([field(1, 'Canal de origen', { type: 'select', enums: enums(2) })]) },
    outcome: 'pass',
  },
  {
    name: 'text "Источник" is not a list',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Источник',
              type: 'select',
              enums: [
                { value: 'Сайт', sort: 10 },
                { value: 'Звонок', sort: 20 },
                { value: 'Почта', sort: 30 },
                { value: 'Чат', sort: 40 },
                { value: 'Telegram', sort: 50 },
                { value: 'WhatsApp', sort: 60 },
                { value: 'ВКонтакте', sort: 70 },
                { value: 'Рекомендация', sort: 80 },
                { value: 'Другое', sort: 90 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.leads',
            params: {
              field: 'Источник',
              options: 'Сайт, Звонок, Почта, Чат, Telegram, WhatsApp, ВКонтакте, Рекомендация, Другое',
            },
          },
        },
      ],
    },
    parts: { leadFields: ok([field(1, 'Источник')]) },
    outcome: 'fail',
    items: ['entity:leads'],
  },
  {
    name: 'no such field',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Источник',
              type: 'select',
              enums: [
                { value: 'Сайт', sort: 10 },
                { value: 'Звонок', sort: 20 },
                { value: 'Почта', sort: 30 },
                { value: 'Чат', sort: 40 },
                { value: 'Telegram', sort: 50 },
                { value: 'WhatsApp', sort: 60 },
                { value: 'ВКонтакте', sort: 70 },
                { value: 'Рекомендация', sort: 80 },
                { value: 'Другое', sort: 90 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListField.leads',
            params: {
              field: 'Источник',
              options: 'Сайт, Звонок, Почта, Чат, Telegram, WhatsApp, ВКонтакте, Рекомендация, Другое',
            },
          },
        },
      ],
    },
    parts: { leadFields: ok([field(1, 'Бюджет', { type: 'select', enums: enums(2) })]) },
    outcome: 'fail',
  },
]);

ruleTable(duplicateFieldNames, [
  { name: 'unique names', parts: {}, outcome: 'pass', items: [] },
  {
    name: 'same normalised name in one entity',
    parts: { leadFields: ok([field(1, 'Ёмкость  рынка'), field(2, ' емкость рынка'), field(3, 'Другое')]) },
    outcome: 'fail',
    items: ['leads:емкость рынка'],
  },
  {
    name: 'same name across entities is fine',
    parts: {
      leadFields: ok([field(1, 'Комментарий')]),
      contactFields: ok([field(2, 'Комментарий', { entity_type: 'contacts' })]),
    },
    outcome: 'pass',
  },
]);

ruleTable(selectOptionsFew, [
  { name: 'lists with 3 options', parts: {}, outcome: 'pass' },
  {
    name: 'select with one option, radiobutton with none (null enums)',
    parts: {
      leadFields: ok([
        field(1, 'A', { type: 'select', enums: enums(1) }),
        field(2, 'B', { type: 'radiobutton', enums: null }),
        field(3, 'C', { type: 'text' }),
      ]),
    },
    outcome: 'fail',
    items: ['field:1', 'field:2'],
  },
  {
    name: 'multiselect with 2 options',
    parts: { leadFields: ok([field(1, 'A', { type: 'multiselect', enums: enums(2) })]) },
    outcome: 'pass',
  },
]);

const main = pipeline(10, ['A', 'B', 'C'], { main: true });
ruleTable(requiredAtEntryStage, [
  { name: 'required from stage 2', parts: {}, outcome: 'pass', items: [] },
  {
    name: 'required at unsorted and entry, one item per field × stage; later stage kept out',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/1',
          body: { name: 'X', required_statuses: [{ status_id: 102, pipeline_id: 10 }] },
          summary: {
            key: 'fix.op.requiredRemoved',
            params: { field: 'X', stages: '«Неразобранное», «A»', pipeline: 'Pipeline 10', count: 2 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/contacts/custom_fields/2',
          body: { name: 'Y', required_statuses: [{ status_id: 102, pipeline_id: 10 }] },
          summary: {
            key: 'fix.op.requiredMoved',
            params: { field: 'Y', stages: '«A»', pipeline: 'Pipeline 10', count: 1, to: '«B»' },
          },
        },
      ],
    },
    parts: {
      pipelines: ok([main]),
      leadFields: ok([
        field(1, 'X', {
          required_statuses: [
            { pipeline_id: 10, status_id: 100 },
            { pipeline_id: 10, status_id: 101 },
            { pipeline_id: 10, status_id: 102 },
          ],
        }),
      ]),
      contactFields: ok([
        field(2, 'Y', { entity_type: 'contacts', required_statuses: [{ pipeline_id: 10, status_id: 101 }] }),
      ]),
    },
    outcome: 'fail',
    items: ['field:1@status:100', 'field:1@status:101', 'field:2@status:101'],
  },
  {
    name: 'entry stage is the first working stage by sort when unsorted is absent',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/1',
          body: { name: 'X', required_statuses: [{ status_id: 102, pipeline_id: 10 }] },
          summary: {
            key: 'fix.op.requiredMoved',
            params: { field: 'X', stages: '«A»', pipeline: 'Pipeline 10', count: 1, to: '«B»' },
          },
        },
      ],
    },
    parts: {
      pipelines: ok([pipeline(10, ['A', 'B'], { unsorted: false })]),
      leadFields: ok([field(1, 'X', { required_statuses: [{ pipeline_id: 10, status_id: 101 }] })]),
    },
    outcome: 'fail',
    items: ['field:1@status:101'],
  },
  {
    name: 'stale pipeline ignored (another rule)',
    parts: { leadFields: ok([field(1, 'X', { required_statuses: [{ pipeline_id: 99, status_id: 990 }] })]) },
    outcome: 'pass',
  },
]);

it('required-at-entry-stage items carry what a plan needs', () => {
  const r = runRule(
    requiredAtEntryStage,
    snapshot({
      pipelines: ok([main]),
      leadFields: ok([field(1, 'X', { required_statuses: [{ pipeline_id: 10, status_id: 100 }] })]),
    }),
  );
  expect(r.items[0]!.data).toEqual({
    entity: 'leads',
    field_id: 1,
    pipeline_id: 10,
    status_id: 100,
    stage: 'unsorted',
  });
  expect(r.items[0]!.link).toBe('/settings/pipeline/leads/10');
});

const second = pipeline(20, ['A', 'B', 'C'], { name: 'Партнёры' });
ruleTable(requiredFieldsAbsent, [
  { name: 'main pipeline has required fields', parts: {}, outcome: 'pass' },
  {
    name: 'second active pipeline has none',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/501',
          body: {
            name: 'Источник',
            required_statuses: [
              { status_id: 102, pipeline_id: 10 },
              { status_id: 202, pipeline_id: 20 },
              { status_id: 203, pipeline_id: 20 },
            ],
            enums: [
              { id: 9000, value: 'Option 1', sort: 0 },
              { id: 9001, value: 'Option 2', sort: 1 },
              { id: 9002, value: 'Option 3', sort: 2 },
            ],
          },
          summary: {
            key: 'fix.op.requiredAdded',
            params: { field: 'Источник', stages: '«B», «C»', pipeline: 'Партнёры', count: 2 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/502',
          body: {
            name: 'Причина отказа',
            required_statuses: [
              { status_id: 143, pipeline_id: 10 },
              { status_id: 143, pipeline_id: 20 },
            ],
            enums: [
              { id: 9000, value: 'Option 1', sort: 0 },
              { id: 9001, value: 'Option 2', sort: 1 },
              { id: 9002, value: 'Option 3', sort: 2 },
            ],
          },
          summary: {
            key: 'fix.op.requiredAdded',
            params: { field: 'Причина отказа', stages: '«Закрыто и не реализовано»', pipeline: 'Партнёры', count: 1 },
          },
        },
      ],
    },
    parts: { pipelines: ok([MAIN, second]) },
    outcome: 'fail',
    items: ['pipeline:20'],
  },
  {
    name: 'archived pipeline does not count',
    parts: { pipelines: ok([MAIN, pipeline(20, ['A'], { archive: true })]) },
    outcome: 'pass',
  },
  {
    name: 'a contact field required there counts',
    parts: {
      pipelines: ok([MAIN, second]),
      contactFields: ok([
        field(2, 'Y', { entity_type: 'contacts', required_statuses: [{ pipeline_id: 20, status_id: 202 }] }),
      ]),
    },
    outcome: 'pass',
  },
  {
    name: 'a stale entry for the pipeline does not count',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/501',
          body: {
            name: 'Источник',
            required_statuses: [
              { status_id: 102, pipeline_id: 10 },
              { status_id: 202, pipeline_id: 20 },
              { status_id: 203, pipeline_id: 20 },
            ],
            enums: [
              { id: 9000, value: 'Option 1', sort: 0 },
              { id: 9001, value: 'Option 2', sort: 1 },
              { id: 9002, value: 'Option 3', sort: 2 },
            ],
          },
          summary: {
            key: 'fix.op.requiredAdded',
            params: { field: 'Источник', stages: '«B», «C»', pipeline: 'Партнёры', count: 2 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/502',
          body: {
            name: 'Причина отказа',
            required_statuses: [
              { status_id: 143, pipeline_id: 10 },
              { status_id: 143, pipeline_id: 20 },
            ],
            enums: [
              { id: 9000, value: 'Option 1', sort: 0 },
              { id: 9001, value: 'Option 2', sort: 1 },
              { id: 9002, value: 'Option 3', sort: 2 },
            ],
          },
          summary: {
            key: 'fix.op.requiredAdded',
            params: { field: 'Причина отказа', stages: '«Закрыто и не реализовано»', pipeline: 'Партнёры', count: 1 },
          },
        },
      ],
    },
    parts: {
      pipelines: ok([MAIN, second]),
      contactFields: ok([
        field(2, 'Y', { entity_type: 'contacts', required_statuses: [{ pipeline_id: 20, status_id: 999 }] }),
      ]),
    },
    outcome: 'fail',
    items: ['pipeline:20'],
  },
  {
    name: 'no active pipelines',
    parts: { pipelines: ok([pipeline(20, ['A'], { archive: true })]) },
    outcome: 'not-applicable',
  },
]);

ruleTable(requiredStatusesStale, [
  { name: 'all entries exist', parts: {}, outcome: 'pass' },
  {
    name: 'deleted pipeline and deleted status',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/companies/custom_fields/7',
          body: { name: 'Z', required_statuses: [{ status_id: 143, pipeline_id: 10 }] },
          summary: { key: 'fix.op.staleRemoved', params: { field: 'Z', count: 2, entries: '99/990, 10/555' } },
        },
      ],
    },
    parts: {
      companyFields: ok([
        field(7, 'Z', {
          entity_type: 'companies',
          required_statuses: [
            { pipeline_id: 99, status_id: 990 },
            { pipeline_id: 10, status_id: 555 },
            { pipeline_id: 10, status_id: 143 },
          ],
        }),
      ]),
    },
    outcome: 'fail',
    items: ['field:7@pipeline:99@status:990', 'field:7@pipeline:10@status:555'],
  },
  {
    name: 'null required_statuses',
    parts: { leadFields: ok([field(1, 'X', { required_statuses: null })]) },
    outcome: 'pass',
  },
]);

const noLossField = [field(501, 'Источник', { type: 'select', enums: enums(3) })];
const disabled = ok({ id: 1, name: 'T', subdomain: 't', current_user_id: 1, is_loss_reason_enabled: false });
ruleTable(lossReasonMissing, [
  { name: 'loss reasons enabled', parts: { leadFields: ok(noLossField) }, outcome: 'pass' },
  { name: 'disabled but a field required at 143', parts: { account: disabled }, outcome: 'pass' },
  {
    name: 'disabled and nothing at 143',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Причина отказа',
              type: 'select',
              enums: [
                { value: 'Дорого', sort: 10 },
                { value: 'Выбрали конкурента', sort: 20 },
                { value: 'Нет потребности', sort: 30 },
                { value: 'Не вышли на связь', sort: 40 },
                { value: 'Другое', sort: 50 },
              ],
              required_statuses: [
                { status_id: 143, pipeline_id: 10 },
                { status_id: 143, pipeline_id: 20 },
              ],
            },
          ],
          summary: {
            key: 'fix.op.createListFieldRequired',
            params: {
              field: 'Причина отказа',
              options: 'Дорого, Выбрали конкурента, Нет потребности, Не вышли на связь, Другое',
              stages: '«Закрыто и не реализовано» — «Продажи»; «Закрыто и не реализовано» — «Партнёры»',
              count: 2,
            },
          },
        },
      ],
    },
    parts: { account: disabled, leadFields: ok(noLossField), pipelines: ok([MAIN, second]) },
    outcome: 'fail',
    items: ['pipeline:10', 'pipeline:20'],
  },
  {
    name: 'required at 143 of an archived pipeline only',
    plan: {
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Причина отказа',
              type: 'select',
              enums: [
                { value: 'Дорого', sort: 10 },
                { value: 'Выбрали конкурента', sort: 20 },
                { value: 'Нет потребности', sort: 30 },
                { value: 'Не вышли на связь', sort: 40 },
                { value: 'Другое', sort: 50 },
              ],
              required_statuses: [{ status_id: 143, pipeline_id: 10 }],
            },
          ],
          summary: {
            key: 'fix.op.createListFieldRequired',
            params: {
              field: 'Причина отказа',
              options: 'Дорого, Выбрали конкурента, Нет потребности, Не вышли на связь, Другое',
              stages: '«Закрыто и не реализовано» — «Продажи»',
              count: 1,
            },
          },
        },
      ],
    },
    parts: {
      account: disabled,
      pipelines: ok([MAIN, pipeline(20, ['A'], { archive: true })]),
      leadFields: ok([
        field(1, 'R', { type: 'select', enums: enums(2), required_statuses: [{ pipeline_id: 20, status_id: 143 }] }),
      ]),
    },
    outcome: 'fail',
    items: ['pipeline:10'],
  },
]);

ruleTable(setupDocumentApproved, [{ name: 'always manual', parts: {}, outcome: 'manual', items: [] }]);

// The field the fix creates must pass the rule that asked for it, in every language a fix writes names in.
it.each(LANGS)('lead-source-field-missing: the %s fix’s own field passes', (lang) => {
  const source = defaultBaseline().fields.find((f) => f.purpose === 'lead-source')!;
  const own = field(1, source.name[lang], { type: 'select', enums: enums(2) });
  expect(runRule(leadSourceFieldMissing, snapshot({ leadFields: ok([own]) })).outcome).toBe('pass');
});
