import type { RequiredStatusDto } from '../../../api/dto';
import { findBaselineField } from '../../../fix/baseline-fields';
import { matrixEntries } from '../../../fix/required-entries';
import { requireFieldOps } from '../../../fix/required-ops';
import type { Op } from '../../../fix/types';
import { fieldPartOf } from '../../../snapshot/types';
import { defineRule, type Finding } from '../../define-rule';
import { allFields, need } from '../../context';
import { activePipelines, hasStatus, requiredStatuses } from '../../terms';
import { crmLinks } from '../../links';

type NothingRequired = Finding<{ pipeline_id: number; baselineMatrix: string[] }>;

/** An active pipeline where no field is ever mandatory, so deals move on with empty cards. */
export const requiredFieldsAbsent = defineRule<NothingRequired>({
  meta: {
    id: 'required-fields-absent',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'confirm',
    messages: ['pipeline'],
  },
  check(ctx) {
    const active = activePipelines(need(ctx, 'pipelines'));
    if (active.length === 0) return 'not-applicable';
    const fields = allFields(ctx);
    const findings: NothingRequired[] = [];
    for (const pipeline of active) {
      // Stale entries (a status deleted from this pipeline) do not make anything mandatory.
      const required = fields.some(({ field }) =>
        requiredStatuses(field).some((rs) => rs.pipeline_id === pipeline.id && hasStatus(pipeline, rs.status_id)),
      );
      if (required) continue;
      findings.push({
        id: `pipeline:${pipeline.id}`,
        message: 'pipeline',
        params: { pipeline: pipeline.name },
        link: crmLinks.pipelineSettings(pipeline.id),
        data: { pipeline_id: pipeline.id, baselineMatrix: ctx.baseline.requiredFields.map((r) => r.field) },
      });
    }
    return findings;
  },
  /** Apply the baseline's required-field matrix to each pipeline where nothing is required. */
  fix(ctx, findings, kit) {
    const pipelines = need(ctx, 'pipelines');
    const failing = findings.flatMap(({ data }) => pipelines.filter((p) => p.id === data.pipeline_id));
    const ops: Op[] = [];
    for (const row of ctx.baseline.requiredFields) {
      const bf = ctx.baseline.fields.find((f) => f.key === row.field);
      if (!bf) continue;
      const add: RequiredStatusDto[] = failing.flatMap((p) => matrixEntries(row, p));
      const existing = findBaselineField(need(ctx, fieldPartOf(bf.entity)), bf);
      ops.push(...requireFieldOps(bf, existing, add, pipelines, kit.lang));
    }
    return ops;
  },
});
