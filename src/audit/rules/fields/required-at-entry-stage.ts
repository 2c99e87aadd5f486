import { STATUS_WON, type FieldEntity, type PipelineDto, type RequiredStatusDto } from '../../../api/dto';
import { relocationOps, type Relocation } from '../../../fix/required-ops';
import type { Op } from '../../../fix/types';
import { defineRule, type Finding } from '../../define-rule';
import { allFields, need } from '../../context';
import { entryStage, requiredStatuses, unsortedStage, workingStages } from '../../terms';
import { crmLinks } from '../../links';

type AtEntry = Finding<{
  entity: FieldEntity;
  field_id: number;
  pipeline_id: number;
  status_id: number;
  stage: 'unsorted' | 'entry';
}>;

/**
 * Where a requirement taken off the entry stage goes: the next working stage, so a deal still cannot
 * move on (and reach payment) with the field empty; 142 when the entry stage is the only working one.
 */
function nextStage(pipeline: PipelineDto): RequiredStatusDto | null {
  const next = workingStages(pipeline)[1] ?? pipeline._embedded?.statuses.find((s) => s.id === STATUS_WON);
  return next ? { status_id: next.id, pipeline_id: pipeline.id } : null;
}

/**
 * A field required at the unsorted or the entry stage: forms, calls and chats create deals
 * there without it, and a quick manual deal cannot be saved.
 */
export const requiredAtEntryStage = defineRule<AtEntry>({
  meta: {
    id: 'required-at-entry-stage',
    area: 'fields',
    severity: 'high',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'safe',
    messages: ['unsorted', 'entry'],
  },
  check(ctx) {
    const pipelines = need(ctx, 'pipelines');
    const findings: AtEntry[] = [];
    for (const { entity, field } of allFields(ctx)) {
      for (const rs of requiredStatuses(field)) {
        const pipeline = pipelines.find((p) => p.id === rs.pipeline_id);
        if (!pipeline) continue;
        const unsorted = unsortedStage(pipeline);
        const entry = entryStage(pipeline);
        const stage = unsorted?.id === rs.status_id ? unsorted : entry?.id === rs.status_id ? entry : undefined;
        if (!stage) continue;
        const kind = stage === unsorted ? 'unsorted' : 'entry';
        findings.push({
          id: `field:${field.id}@status:${stage.id}`,
          message: kind,
          params: { field: field.name, stage: stage.name, pipeline: pipeline.name },
          link: crmLinks.pipelineSettings(pipeline.id),
          data: { entity, field_id: field.id, pipeline_id: pipeline.id, status_id: stage.id, stage: kind },
        });
      }
    }
    return findings;
  },
  /** Each listed field's requirement moves from the unsorted / entry stage to the next working stage. */
  fix(ctx, findings) {
    const pipelines = need(ctx, 'pipelines');
    const fields = allFields(ctx);
    // Field → pipeline → stages to take the requirement off, in first-seen order.
    const byField = new Map<string, { entity: FieldEntity; fieldId: number; moves: Map<number, Relocation> }>();
    for (const { data } of findings) {
      const key = `${data.entity}:${data.field_id}`;
      const group = byField.get(key) ?? { entity: data.entity, fieldId: data.field_id, moves: new Map() };
      byField.set(key, group);
      const pipeline = pipelines.find((p) => p.id === data.pipeline_id)!;
      const move = group.moves.get(pipeline.id) ?? { pipelineId: pipeline.id, drop: [], to: nextStage(pipeline) };
      group.moves.set(pipeline.id, {
        ...move,
        drop: [...move.drop, { status_id: data.status_id, pipeline_id: pipeline.id }],
      });
    }
    const ops: Op[] = [];
    for (const { entity, fieldId, moves } of byField.values()) {
      const field = fields.find((f) => f.entity === entity && f.field.id === fieldId)?.field;
      if (field) ops.push(...relocationOps(entity, field, [...moves.values()], pipelines));
    }
    return ops;
  },
});
