import { defineRule, type Finding } from '../../define-rule';
import { need } from '../../context';
import { mainPipeline } from '../../terms';
import { crmLinks } from '../../links';

type Off = Finding<{ pipeline_id: number; is_unsorted_on: false }>;

/** Without the unsorted stage, requests from forms, calls and chats become deals nobody sorted. */
export const unsortedOff = defineRule<Off>({
  meta: {
    id: 'unsorted-off',
    area: 'pipeline',
    severity: 'low',
    requires: ['pipelines'],
    fix: 'safe',
    messages: ['pipeline'],
  },
  check(ctx) {
    const main = mainPipeline(need(ctx, 'pipelines'));
    if (!main) return 'not-applicable';
    if (main.is_unsorted_on) return [];
    return [
      {
        id: `pipeline:${main.id}`,
        message: 'pipeline',
        params: { pipeline: main.name },
        link: crmLinks.pipelineSettings(main.id),
        data: { pipeline_id: main.id, is_unsorted_on: false },
      },
    ];
  },
  /** Turn the unsorted stage back on in the main pipeline. */
  fix(ctx, findings, kit) {
    const main = need(ctx, 'pipelines').find((p) => p.id === findings[0]?.data.pipeline_id);
    if (!main || main.is_unsorted_on) return null;
    const summary = { key: 'fix.op.unsortedOn', params: { pipeline: main.name } };
    return [kit.patchPipeline(main, { is_unsorted_on: true }, summary)];
  },
});
