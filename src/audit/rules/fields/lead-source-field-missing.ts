import { newFieldBody, optionList } from '../../../fix/baseline-fields';
import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { isSourceField } from '../../terms';
import { crmLinks } from '../../links';

/** Deals have no list field recording where they came from. */
export const leadSourceFieldMissing = defineRule({
  meta: {
    id: 'lead-source-field-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields'],
    fix: 'safe',
    messages: ['found', 'missing'],
  },
  check(ctx) {
    const found = need(ctx, 'leadFields').find(isSourceField);
    if (found) {
      return {
        outcome: 'pass',
        evidence: [
          {
            id: `field:${found.id}`,
            message: 'found',
            params: { name: found.name },
            link: crmLinks.fields('leads'),
            data: { entity: 'leads', field_id: found.id },
          },
        ],
      };
    }
    const baselineField = ctx.baseline.fields.find((f) => f.purpose === 'lead-source');
    return [
      {
        id: 'entity:leads',
        message: 'missing',
        link: crmLinks.fields('leads'),
        data: { entity: 'leads', baselineField: baselineField?.key ?? null },
      },
    ];
  },
  /** Create the baseline's lead-source list field («Источник» / "Source") with its channel options. */
  fix(ctx, _findings, ops) {
    const bf = ctx.baseline.fields.find((f) => f.purpose === 'lead-source' && f.entity === 'leads');
    if (!bf) return null;
    const summary = {
      key: 'fix.op.createListField.leads',
      params: { field: bf.name[ops.lang], options: optionList(bf, ops.lang) },
    };
    return [ops.createField('leads', newFieldBody(bf, ops.lang), summary)];
  },
});
