import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { planFor } from '../../src/fix/plan-for';
import { sortsBetween } from '../../src/audit/rules/pipeline/default-stage-names';
import { describePlan } from '../../src/fix/describe';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import type { SnapshotParts } from '../../src/snapshot/types';
import type { Plan } from '../../src/fix/types';
import { MAIN, enums, field, ok, pipeline, role, snapshot, user } from '../audit/fixtures';
import ru from '../../i18n/ru.json';
import en from '../../i18n/en.json';

const baseline = defaultBaseline();
const plan = (ruleId: string, parts: Partial<SnapshotParts>, lang: 'ru' | 'en' = 'ru') =>
  planFor(ruleId, snapshot(parts), baseline, lang);
const SOURCE = field(501, 'Источник', {
  type: 'select',
  enums: enums(3),
  required_statuses: [{ pipeline_id: 10, status_id: 102 }],
});
const LOSS = field(502, 'Причина отказа', {
  type: 'select',
  enums: enums(3),
  required_statuses: [{ pipeline_id: 10, status_id: 143 }],
});

/** Rule × tiny snapshot → the exact plan (method, path, body, before, summary). */
const CASES: {
  name: string;
  rule: string;
  parts: Partial<SnapshotParts>;
  lang?: 'ru' | 'en';
  expected: Partial<Plan> | null;
}[] = [
  {
    name: 'healthy account: no plan',
    rule: 'required-at-entry-stage',
    parts: {},
    expected: null,
  },
  {
    name: 'required at unsorted and entry stage: one PATCH moves it to the next working stage, keeping the rest',
    rule: 'required-at-entry-stage',
    parts: {
      leadFields: ok([
        SOURCE,
        LOSS,
        field(504, 'Бюджет', {
          required_statuses: [
            { pipeline_id: 10, status_id: 100 },
            { pipeline_id: 10, status_id: 101 },
            { pipeline_id: 10, status_id: 103 },
          ],
        }),
      ]),
    },
    expected: {
      kind: 'safe',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/504',
          body: {
            required_statuses: [
              { status_id: 103, pipeline_id: 10 },
              { status_id: 102, pipeline_id: 10 },
            ],
          },
          before: {
            required_statuses: [
              { status_id: 100, pipeline_id: 10 },
              { status_id: 101, pipeline_id: 10 },
              { status_id: 103, pipeline_id: 10 },
            ],
          },
          summary: {
            key: 'fix.op.requiredMoved',
            params: {
              field: 'Бюджет',
              stages: '«Неразобранное», «Заявка»',
              to: '«Переговоры»',
              pipeline: 'Продажи',
              count: 2,
            },
          },
          target: { kind: 'field', entity: 'leads', id: 504, name: 'Бюджет' },
        },
      ],
    },
  },
  {
    name: 'stale entries: dropped, and undo restores nothing',
    rule: 'required-statuses-stale',
    parts: {
      companyFields: ok([
        field(702, 'ИНН', {
          entity_type: 'companies',
          required_statuses: [
            { pipeline_id: 10, status_id: 103 },
            { pipeline_id: 99, status_id: 991 },
          ],
        }),
      ]),
    },
    expected: {
      kind: 'safe',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/companies/custom_fields/702',
          body: { required_statuses: [{ status_id: 103, pipeline_id: 10 }] },
          before: {
            required_statuses: [
              { status_id: 103, pipeline_id: 10 },
              { status_id: 991, pipeline_id: 99 },
            ],
          },
          restore: { required_statuses: [{ status_id: 103, pipeline_id: 10 }] },
          summary: { key: 'fix.op.staleRemoved', params: { field: 'ИНН', count: 1, entries: '99/991' } },
          target: { kind: 'field', entity: 'companies', id: 702, name: 'ИНН' },
        },
      ],
    },
  },
  {
    name: 'no source field in a Kommo account in English: POST the baseline select in English',
    rule: 'lead-source-field-missing',
    parts: {
      account: ok({ id: 1, name: 'T', subdomain: 't', current_user_id: 1, language: 'en' }),
      leadFields: ok([LOSS]),
    },
    expected: {
      kind: 'safe',
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          body: [
            {
              name: 'Source',
              type: 'select',
              enums: ['Website', 'Call', 'Email', 'Chat', 'Telegram', 'WhatsApp', 'VK', 'Referral', 'Other'].map(
                (value, i) => ({ value, sort: (i + 1) * 10 }),
              ),
            },
          ],
          before: null,
          summary: {
            key: 'fix.op.createListField.leads',
            params: { field: 'Source', options: 'Website, Call, Email, Chat, Telegram, WhatsApp, VK, Referral, Other' },
          },
          target: { kind: 'field', entity: 'leads', id: null, name: 'Source' },
        },
      ],
    },
  },
  {
    name: 'unsorted off in the main pipeline',
    rule: 'unsorted-off',
    parts: { pipelines: ok([{ ...MAIN, is_unsorted_on: false }]) },
    expected: {
      kind: 'safe',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10',
          body: { is_unsorted_on: true },
          before: { is_unsorted_on: false },
          summary: { key: 'fix.op.unsortedOn', params: { pipeline: 'Продажи' } },
          target: { kind: 'pipeline', id: 10 },
        },
      ],
    },
  },
  {
    name: 'loss reason: existing field gets 143 in every active pipeline',
    rule: 'loss-reason-missing',
    parts: {
      account: ok({ id: 1, name: 'T', subdomain: 't', current_user_id: 1, is_loss_reason_enabled: false }),
      leadFields: ok([SOURCE, field(502, 'Причина отказа', { type: 'select', enums: enums(2) })]),
    },
    expected: {
      kind: 'confirm',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/502',
          body: { required_statuses: [{ status_id: 143, pipeline_id: 10 }] },
          before: { required_statuses: [] },
          summary: {
            key: 'fix.op.requiredAdded',
            params: { field: 'Причина отказа', stages: '«Закрыто и не реализовано»', pipeline: 'Продажи', count: 1 },
          },
          target: { kind: 'field', entity: 'leads', id: 502, name: 'Причина отказа' },
        },
      ],
    },
  },
  {
    name: 'role with open export: PATCH the letter to D; a role-less user is manual',
    rule: 'export-open',
    parts: {
      roles: ok([role(10, 'Менеджер', { leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'A' } })]),
      users: ok([
        user(1, { admin: true }),
        user(3),
        user(4, { roleId: null, rights: { contacts: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'A' } } }),
      ]),
    },
    expected: {
      kind: 'confirm',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: { rights: { leads: { export: 'D' } } },
          before: { rights: { leads: { export: 'A' } } },
          summary: { key: 'fix.op.roleRight.export.leads', params: { role: 'Менеджер', before: 'A', after: 'D' } },
          target: { kind: 'role', id: 10 },
        },
      ],
      manual: [{ key: 'fix.manual.userNoRole.export', params: { user: 'User 4' } }],
    },
  },
  {
    name: 'mail access: one PATCH per role of the sellers',
    rule: 'mail-access-none',
    parts: {
      roles: ok([role(10, 'Менеджер', { mail_access: false })]),
      users: ok([
        user(1, { admin: true }),
        user(3, { rights: { mail_access: false } }),
        user(4, { rights: { mail_access: false } }),
      ]),
    },
    expected: {
      kind: 'confirm',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: { rights: { mail_access: true } },
          before: { rights: { mail_access: false } },
          summary: { key: 'fix.op.roleMailAccess', params: { role: 'Менеджер' } },
          target: { kind: 'role', id: 10 },
        },
      ],
    },
  },
];

describe('plans as exact data', () => {
  it.each(CASES)('$rule: $name', ({ rule, parts, lang, expected }) => {
    const got = plan(rule, parts, lang);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatchObject(expected);
    if (got && expected?.ops) expect(got.ops).toHaveLength(expected.ops.length);
  });

  it('default-stage-names: renames in order, adds the rest before 142 between the last stage and 10000; 142 is by hand', () => {
    const got = plan('default-stage-names', {
      pipelines: ok([
        pipeline(10, ['Первичный контакт', 'Переговоры', 'Принимают решение'], { name: 'Продажи', main: true }),
      ]),
    })!;
    expect(got.ops.map((o) => [o.method, o.path, o.body])).toEqual([
      // The stage whole (StatusModel::toApi): its sort and its colour as read go with the new name.
      [
        'PATCH',
        '/api/v4/leads/pipelines/10/statuses/101',
        { name: 'Заявка', sort: 20, color: '#99ccff', request_id: '0' },
      ],
      ['PATCH', '/api/v4/leads/pipelines/10/statuses/103', { name: 'КП', sort: 40, color: '#99ccff', request_id: '0' }],
      ...['Согласование условий', 'Договор', 'Предоплата', 'Проект', 'Оплата'].map((name, i) => [
        'POST',
        '/api/v4/leads/pipelines/10/statuses',
        // A documented palette colour (test/fix/ops.test.ts pins which).
        [{ name, sort: 50 + i * 10, color: expect.stringMatching(/^#[0-9a-f]{6}$/), request_id: '0' }],
      ]),
    ]);
    expect(got.manual).toEqual([
      {
        key: 'fix.manual.wonRename',
        params: { from: 'Успешно реализовано', to: 'Успех', pipeline: 'Продажи', page: '/settings/pipeline/leads/10' },
      },
    ]);
    expect(got.ops[0]!.before).toEqual({ name: 'Первичный контакт', sort: 20, color: '#99ccff', request_id: '0' });
    expect(got.ops.filter((o) => o.method === 'POST').every((o) => o.undoGuard === 'empty-status')).toBe(true);
  });

  it('required-fields-absent: creates a missing matrix field with required_statuses in the POST body', () => {
    const got = plan('required-fields-absent', {
      leadFields: ok([field(504, 'Бюджет')]),
      contactFields: ok([]),
      companyFields: ok([]),
    })!;
    expect(
      got.ops.map((o) => [
        o.method,
        o.path,
        (o.body as { name: string; required_statuses: unknown }[])[0]!.required_statuses,
      ]),
    ).toEqual([
      ['POST', '/api/v4/leads/custom_fields', [102, 103, 104, 105].map((s) => ({ status_id: s, pipeline_id: 10 }))],
      ['POST', '/api/v4/leads/custom_fields', [{ status_id: 143, pipeline_id: 10 }]],
    ]);
  });

  it('sorts between the last stage and 10000', () => {
    expect(sortsBetween(50, 3)).toEqual([60, 70, 80]);
    expect(sortsBetween(9990, 2)).toEqual([9993, 9996]);
    expect(() => sortsBetween(9999, 2)).toThrow(/no room/);
  });
});

describe('preview sentences', () => {
  const p = plan('required-at-entry-stage', {
    leadFields: ok([SOURCE, LOSS, field(504, 'Бюджет', { required_statuses: [{ pipeline_id: 10, status_id: 101 }] })]),
  })!;
  it('ru and en, before → after, with the total', () => {
    const ruText = describePlan(p, createTranslator(ru as Dictionary, 'ru'));
    expect(ruText.ops).toEqual([
      'Поле «Бюджет»: обязательно не на этапе «Заявка», а на этапе «Переговоры» (воронка «Продажи»)',
    ]);
    expect(ruText.total).toBe('1 изменение');
    const enText = describePlan(p, createTranslator(en as Dictionary, 'en'));
    expect(enText.ops).toEqual(['Field «Бюджет»: required at «Переговоры» instead of «Заявка» (pipeline «Продажи»)']);
    expect(enText.total).toBe('1 change');
  });
});

describe('i18n', () => {
  it('every fix key the engine builds exists in ru and en', () => {
    const keys = [
      ...[
        'requiredRemoved',
        'requiredRemovedStale',
        'requiredMoved',
        'requiredMovedStale',
        'staleRemoved',
        'createFieldRequired',
        'createListFieldRequired',
        'requiredAdded',
        'roleMailAccess',
        'unsortedOn',
        'stageRename',
        'stageAdd',
        'stageAddFirst',
      ].map((k) => `fix.op.${k}`),
      'fix.manual.wonRename',
      ...['leads', 'contacts', 'companies'].flatMap((e) => [
        `fix.op.createField.${e}`,
        `fix.op.createListField.${e}`,
        `fix.op.roleRight.export.${e}`,
        `fix.op.roleRight.delete.${e}`,
        `fix.manual.noBaselineFields.${e}`,
      ]),
      ...['export', 'delete', 'mail'].map((a) => `fix.manual.userNoRole.${a}`),
      ...['deleteField', 'deleteStatus', 'conflict', 'notEmpty', 'nothingToRestore', 'gone'].map(
        (k) => `fix.undo.${k}`,
      ),
      ...['not-admin', 'busy', 'needs-confirmation', 'unknown-rule', 'not-fixable', 'part-failed', 'no-entry'].map(
        (k) => `fix.refused.${k}`,
      ),
      ...['done', 'already-fixed', 'partial', 'failed', 'forbidden', 'undone', 'undo-partial'].map(
        (k) => `fix.outcome.${k}`,
      ),
      ...['applied', 'failed', 'not-attempted', 'skipped', 'conflict'].map((k) => `fix.status.${k}`),
    ];
    for (const [lang, dict] of [
      ['ru', ru],
      ['en', en],
    ] as const) {
      const t = createTranslator(dict as Dictionary, lang);
      expect(
        keys.filter((k) => t(k, { count: 1 }) === k),
        lang,
      ).toEqual([]);
    }
  });
});
