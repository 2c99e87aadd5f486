import { STATUS_WON } from '../../../api/dto';
import type { Op } from '../../../fix/types';
import { defineRule, type Finding } from '../../define-rule';
import { need } from '../../context';
import { mainPipeline, workingStages } from '../../terms';
import { normalizeName } from '../../normalize';
import { crmLinks } from '../../links';
import type { Message } from '../../types';

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

/** Sorts of `n` new stages after `last` and before 142 (sort 10000), 10 apart when there is room. */
export function sortsBetween(last: number, n: number, limit = 10000): number[] {
  const step = Math.min(10, Math.floor((limit - last) / (n + 1)));
  if (step < 1) throw new Error(`no room for ${n} stages between sort ${last} and ${limit}`);
  return Array.from({ length: n }, (_, i) => last + step * (i + 1));
}

type DefaultName = Finding<{ pipeline_id: number; status_id: number; position: number; working_stages: number }>;

/** The main pipeline still has the CRM's template stages instead of the team's own sales process. */
export const defaultStageNames = defineRule<DefaultName>({
  meta: {
    id: 'default-stage-names',
    area: 'pipeline',
    severity: 'medium',
    requires: ['pipelines'],
    fix: 'confirm',
    messages: ['stage'],
  },
  check(ctx) {
    const main = mainPipeline(need(ctx, 'pipelines'));
    if (!main) return 'not-applicable';
    const stages = workingStages(main);
    const defaults = stages
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => DEFAULT_NAMES.has(normalizeName(s.name)));
    if (defaults.length < THRESHOLD) return [];
    return defaults.map(({ s, index }) => ({
      id: `pipeline:${main.id}@status:${s.id}`,
      message: 'stage',
      params: { stage: s.name, pipeline: main.name, position: index + 1 },
      link: crmLinks.pipelineSettings(main.id),
      data: { pipeline_id: main.id, status_id: s.id, position: index + 1, working_stages: stages.length },
    }));
  },
  /**
   * Rename the main pipeline's working stages, in order, to the baseline's template and add the template's
   * remaining stages before 142. Never deletes a stage (extra ones keep their names) and never writes 142,
   * 143 or the unsorted stage (the API does not let them be edited): renaming the won stage is a step by hand.
   */
  fix(ctx, findings, kit) {
    const pipeline = need(ctx, 'pipelines').find((p) => p.id === findings[0]?.data.pipeline_id);
    if (!pipeline) return null;
    const template = ctx.baseline.pipeline.stages.map((s) => s[kit.lang]);
    const stages = workingStages(pipeline);
    const ops: Op[] = [];
    stages.slice(0, template.length).forEach((s, i) => {
      const to = template[i]!;
      if (s.name === to) return;
      const params = { from: s.name, to, pipeline: pipeline.name, position: i + 1 };
      ops.push(kit.renameStatus(pipeline, s, to, { key: 'fix.op.stageRename', params }));
    });
    const missing = template.slice(stages.length);
    if (missing.length) {
      const sorts = sortsBetween(stages.at(-1)?.sort ?? 10, missing.length);
      let after = stages.length ? template[stages.length - 1]! : null;
      missing.forEach((name, i) => {
        const summary = {
          key: after === null ? 'fix.op.stageAddFirst' : 'fix.op.stageAdd',
          params: { stage: name, after: after ?? '', pipeline: pipeline.name },
        };
        ops.push(kit.createStatus(pipeline, { name, sort: sorts[i]! }, summary));
        after = name;
      });
    }
    const manual: Message[] = [];
    const won = pipeline._embedded?.statuses.find((s) => s.id === STATUS_WON);
    const wonName = ctx.baseline.pipeline.won[kit.lang];
    if (won && won.name !== wonName) {
      manual.push({
        key: 'fix.manual.wonRename',
        params: { from: won.name, to: wonName, pipeline: pipeline.name, page: crmLinks.pipelineSettings(pipeline.id) },
      });
    }
    return { ops, manual };
  },
});
