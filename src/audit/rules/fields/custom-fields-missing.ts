import type { FieldEntity } from '../../../api/dto';
import { findBaselineField, newFieldBody, optionList } from '../../../fix/baseline-fields';
import type { Op } from '../../../fix/types';
import { defineRule, type Finding } from '../../define-rule';
import { need } from '../../context';
import { FIELD_PARTS } from '../../terms';
import { fieldPartOf } from '../../../snapshot/types';
import { crmLinks } from '../../links';
import type { Message } from '../../types';

type OnlyPredefined = Finding<{ entity: FieldEntity; baselineFields: string[] }>;

/** Leads, contacts or companies with only the CRM's predefined fields. */
export const customFieldsMissing = defineRule<OnlyPredefined>({
  meta: {
    id: 'custom-fields-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields', 'contactFields', 'companyFields'],
    fix: 'confirm',
    messages: FIELD_PARTS.map((f) => f.entity),
  },
  check(ctx) {
    const findings: OnlyPredefined[] = [];
    for (const { entity, part } of FIELD_PARTS) {
      // tracking_data fields (UTM and the like) are created by the CRM, not by the team.
      const custom = need(ctx, part).filter((f) => !f.is_predefined && f.type !== 'tracking_data');
      if (custom.length > 0) continue;
      findings.push({
        id: `entity:${entity}`,
        message: entity,
        link: crmLinks.fields(entity),
        data: { entity, baselineFields: ctx.baseline.fields.filter((f) => f.entity === entity).map((f) => f.key) },
      });
    }
    return findings;
  },
  /** Create the baseline's recommended fields for each entity that has only predefined ones. */
  fix(ctx, findings, ops) {
    const out: Op[] = [];
    const manual: Message[] = [];
    for (const { data } of findings) {
      const existing = need(ctx, fieldPartOf(data.entity));
      const wanted = ctx.baseline.fields.filter((f) => f.entity === data.entity);
      if (wanted.length === 0) manual.push({ key: `fix.manual.noBaselineFields.${data.entity}` });
      for (const bf of wanted) {
        if (findBaselineField(existing, bf)) continue;
        const field = bf.name[ops.lang];
        const options = optionList(bf, ops.lang);
        const summary: Message = options
          ? { key: `fix.op.createListField.${data.entity}`, params: { field, options } }
          : { key: `fix.op.createField.${data.entity}`, params: { field } };
        out.push(ops.createField(data.entity, newFieldBody(bf, ops.lang), summary));
      }
    }
    return { ops: out, manual };
  },
});
