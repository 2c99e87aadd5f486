import { defineRule, type Note } from '../../define-rule';
import { need } from '../../context';
import { stagesOf } from '../../terms';
import { normalizeName } from '../../normalize';
import { crmLinks } from '../../links';

/** Two stages of one pipeline with the same name: reports and automation cannot tell them apart. */
export const duplicateStageNames = defineRule({
  meta: {
    id: 'duplicate-stage-names',
    area: 'pipeline',
    severity: 'medium',
    requires: ['pipelines'],
    messages: ['group'],
  },
  check(ctx) {
    const findings: Note[] = [];
    for (const p of need(ctx, 'pipelines')) {
      const groups = new Map<string, { id: number; name: string }[]>();
      for (const s of stagesOf(p)) {
        const key = normalizeName(s.name);
        if (!key) continue;
        groups.set(key, [...(groups.get(key) ?? []), { id: s.id, name: s.name }]);
      }
      for (const [key, stages] of groups) {
        if (stages.length < 2) continue;
        findings.push({
          id: `pipeline:${p.id}:${key}`,
          message: 'group',
          params: { stage: stages[0]!.name, pipeline: p.name, count: stages.length },
          link: crmLinks.pipelineSettings(p.id),
          data: { pipeline_id: p.id, name: key, status_ids: stages.map((s) => s.id) },
        });
      }
    }
    return findings;
  },
});
