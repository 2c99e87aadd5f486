import type { SnapshotParts } from '../../src/snapshot/types';
import { MAIN, field, ok, pipeline } from '../audit/fixtures';

/**
 * Tiny account parts whose rules plan the fixes a choice of changes is tested on: the engine's tests
 * (fix/pick) and the panel's (ui/fix-pick) plan over the same accounts.
 */
export const PICK_PARTS = {
  /** The main pipeline with amoCRM's template names on stages 1 and 3 (stage 2 already has the baseline's name). */
  'default-stage-names': {
    pipelines: ok([
      pipeline(10, ['Первичный контакт', 'Переговоры', 'Принимают решение'], { name: 'Продажи', main: true }),
    ]),
  },
  /** leadFields without a lead source: the safe fix creates «Источник» with the baseline's channels. */
  'lead-source-field-missing': {
    leadFields: ok([field(502, 'Причина отказа', { type: 'select', enums: [{ id: 1, value: 'Дорого', sort: 1 }] })]),
  },
  /** A field required at the entry stage of two pipelines: one PATCH per pipeline, the second built on the first. */
  'required-at-entry-stage': {
    pipelines: ok([MAIN, pipeline(20, ['Лид', 'Звонок', 'Счёт'], { name: 'Опт' })]),
    leadFields: ok([
      field(501, 'Источник', {
        type: 'select',
        enums: [{ id: 1, value: 'Сайт', sort: 1 }],
        required_statuses: [
          { pipeline_id: 10, status_id: 101 },
          { pipeline_id: 20, status_id: 201 },
        ],
      }),
    ]),
  },
} satisfies Record<string, Partial<SnapshotParts>>;
