import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { mainPipeline } from '../../terms';
import { crmLinks } from '../../links';

/** Without the unsorted stage, requests from forms, calls and chats become deals nobody sorted. */
export const unsortedOff = defineRule({
  meta: { id: 'unsorted-off', area: 'pipeline', severity: 'low', requires: ['pipelines'], fix: 'safe' },
  check(ctx) {
    const main = mainPipeline(need(ctx, 'pipelines'));
    if (!main) return { outcome: 'not-applicable' };
    if (main.is_unsorted_on) return { outcome: 'pass' };
    return {
      outcome: 'fail',
      items: [
        {
          id: `pipeline:${main.id}`,
          message: { key: 'items.unsorted-off.pipeline', params: { pipeline: main.name } },
          link: crmLinks.pipelineSettings(main.id),
          data: { pipeline_id: main.id, is_unsorted_on: false },
        },
      ],
    };
  },
});
