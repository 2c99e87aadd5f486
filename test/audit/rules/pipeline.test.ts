import { ruleTable } from './table';
import { MAIN, ok, pipeline } from '../fixtures';
import { defaultStageNames } from '../../../src/audit/rules/pipeline/default-stage-names';
import { stageCount } from '../../../src/audit/rules/pipeline/stage-count';
import { duplicateStageNames } from '../../../src/audit/rules/pipeline/duplicate-stage-names';
import { unsortedOff } from '../../../src/audit/rules/pipeline/unsorted-off';

const defaults = ['Первичный контакт', 'Переговоры', 'Принимают решение', 'Согласование договора'];

ruleTable(defaultStageNames, [
  { name: 'baseline names (one default name is fine)', parts: {}, outcome: 'pass' },
  {
    name: 'the new-account pipeline',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/101',
          body: { name: 'Заявка' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: 'Первичный контакт', to: 'Заявка', pipeline: 'Pipeline 10', position: 1 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/103',
          body: { name: 'КП' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: 'Принимают решение', to: 'КП', pipeline: 'Pipeline 10', position: 3 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/104',
          body: { name: 'Согласование условий' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: 'Согласование договора', to: 'Согласование условий', pipeline: 'Pipeline 10', position: 4 },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Договор', sort: 60, color: '#ffdbdb' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Договор', after: 'Согласование условий', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Предоплата', sort: 70, color: '#ffc8c8' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Предоплата', after: 'Договор', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Проект', sort: 80, color: '#ff8f92' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Проект', after: 'Предоплата', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Оплата', sort: 90, color: '#d6eaff' }],
          summary: { key: 'fix.op.stageAdd', params: { stage: 'Оплата', after: 'Проект', pipeline: 'Pipeline 10' } },
        },
      ],
      manual: [
        {
          key: 'fix.manual.wonRename',
          params: {
            from: 'Успешно реализовано',
            to: 'Успех',
            pipeline: 'Pipeline 10',
            page: '/settings/pipeline/leads/10',
          },
        },
      ],
    },
    parts: { pipelines: ok([pipeline(10, defaults, { main: true })]) },
    outcome: 'fail',
    items: ['pipeline:10@status:101', 'pipeline:10@status:102', 'pipeline:10@status:103', 'pipeline:10@status:104'],
  },
  {
    name: 'en defaults, normalised',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/101',
          body: { name: 'Заявка' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: ' initial  CONTACT', to: 'Заявка', pipeline: 'Pipeline 10', position: 1 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/102',
          body: { name: 'Переговоры' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: 'Discussions', to: 'Переговоры', pipeline: 'Pipeline 10', position: 2 },
          },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10/statuses/103',
          body: { name: 'КП' },
          summary: {
            key: 'fix.op.stageRename',
            params: { from: 'Demo', to: 'КП', pipeline: 'Pipeline 10', position: 3 },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Согласование условий', sort: 50, color: '#ffce5a' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Согласование условий', after: 'КП', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Договор', sort: 60, color: '#ffdbdb' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Договор', after: 'Согласование условий', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Предоплата', sort: 70, color: '#ffc8c8' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Предоплата', after: 'Договор', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Проект', sort: 80, color: '#ff8f92' }],
          summary: {
            key: 'fix.op.stageAdd',
            params: { stage: 'Проект', after: 'Предоплата', pipeline: 'Pipeline 10' },
          },
        },
        {
          method: 'POST',
          path: '/api/v4/leads/pipelines/10/statuses',
          body: [{ name: 'Оплата', sort: 90, color: '#d6eaff' }],
          summary: { key: 'fix.op.stageAdd', params: { stage: 'Оплата', after: 'Проект', pipeline: 'Pipeline 10' } },
        },
      ],
      manual: [
        {
          key: 'fix.manual.wonRename',
          params: {
            from: 'Успешно реализовано',
            to: 'Успех',
            pipeline: 'Pipeline 10',
            page: '/settings/pipeline/leads/10',
          },
        },
      ],
    },
    parts: { pipelines: ok([pipeline(10, [' initial  CONTACT', 'Discussions', 'Demo'], { main: true })]) },
    outcome: 'fail',
    items: ['pipeline:10@status:101', 'pipeline:10@status:102'],
  },
  {
    name: 'defaults in a non-main pipeline only',
    parts: { pipelines: ok([MAIN, pipeline(20, defaults)]) },
    outcome: 'pass',
  },
  { name: 'no pipelines', parts: { pipelines: ok([]) }, outcome: 'not-applicable' },
]);

const names = (n: number) => Array.from({ length: n }, (_, i) => `Stage ${i + 1}`);
ruleTable(stageCount, [
  { name: '5 stages', parts: {}, outcome: 'pass' },
  {
    name: '3 and 12 are inside',
    parts: { pipelines: ok([pipeline(10, names(3), { main: true }), pipeline(20, names(12))]) },
    outcome: 'pass',
  },
  {
    name: '2 and 13',
    parts: { pipelines: ok([pipeline(10, names(2), { main: true }), pipeline(20, names(13))]) },
    outcome: 'fail',
    items: ['pipeline:10', 'pipeline:20'],
  },
  {
    name: 'archived pipeline ignored',
    parts: { pipelines: ok([MAIN, pipeline(20, names(1), { archive: true })]) },
    outcome: 'pass',
  },
]);

ruleTable(duplicateStageNames, [
  { name: 'unique', parts: {}, outcome: 'pass' },
  {
    name: 'duplicates after normalising',
    parts: { pipelines: ok([pipeline(10, ['Счёт', 'счет ', 'Оплата'], { main: true })]) },
    outcome: 'fail',
    items: ['pipeline:10:счет'],
  },
  {
    name: 'same name in two pipelines is fine',
    parts: { pipelines: ok([MAIN, pipeline(20, ['Заявка', 'Договор'])]) },
    outcome: 'pass',
  },
  {
    name: 'a working stage named like the won status',
    parts: { pipelines: ok([pipeline(10, ['A', 'Успешно реализовано'], { main: true })]) },
    outcome: 'fail',
    items: ['pipeline:10:успешно реализовано'],
  },
]);

ruleTable(unsortedOff, [
  { name: 'on', parts: {}, outcome: 'pass' },
  {
    name: 'off in main',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/pipelines/10',
          body: { is_unsorted_on: true },
          summary: { key: 'fix.op.unsortedOn', params: { pipeline: 'Pipeline 10' } },
        },
      ],
    },
    parts: { pipelines: ok([pipeline(10, names(3), { main: true, unsortedOn: false })]) },
    outcome: 'fail',
    items: ['pipeline:10'],
  },
  {
    name: 'off in a second pipeline only',
    parts: { pipelines: ok([MAIN, pipeline(20, names(3), { unsortedOn: false })]) },
    outcome: 'pass',
  },
  { name: 'no pipelines', parts: { pipelines: ok([]) }, outcome: 'not-applicable' },
]);
