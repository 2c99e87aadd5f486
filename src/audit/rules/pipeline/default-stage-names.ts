import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { mainPipeline, workingStages } from '../../terms';
import { normalizeName } from '../../normalize';
import { crmLinks } from '../../links';

/** Working-stage names amoCRM gives a new account's pipeline (ru and en), normalised. */
const DEFAULT_NAMES = new Set(
  [
    'первичный контакт',
    'переговоры',
    'принимают решение',
    'согласование договора',
    'initial contact',
    'discussions',
    'decision making',
    'contract discussion',
  ].map(normalizeName),
);

/** How many default-named stages mean "the pipeline was never set up". */
const THRESHOLD = 2;

/** The main pipeline still has the CRM's template stages instead of the team's own sales process. */
export const defaultStageNames = defineRule({
  meta: { id: 'default-stage-names', area: 'pipeline', severity: 'medium', requires: ['pipelines'], fix: 'confirm' },
  check(ctx) {
    const main = mainPipeline(need(ctx, 'pipelines'));
    if (!main) return { outcome: 'not-applicable' };
    const stages = workingStages(main);
    const defaults = stages
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => DEFAULT_NAMES.has(normalizeName(s.name)));
    if (defaults.length < THRESHOLD) return { outcome: 'pass' };
    return {
      outcome: 'fail',
      items: defaults.map(({ s, index }) => ({
        id: `pipeline:${main.id}@status:${s.id}`,
        message: {
          key: 'items.default-stage-names.stage',
          params: { stage: s.name, pipeline: main.name, position: index + 1 },
        },
        link: crmLinks.pipelineSettings(main.id),
        data: { pipeline_id: main.id, status_id: s.id, position: index + 1, working_stages: stages.length },
      })),
    };
  },
});
