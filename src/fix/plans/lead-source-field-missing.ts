import { createField } from '../ops';
import { newFieldBody, optionList, type PlanBuilder } from './shared';

/** Safe: create the baseline's lead-source list field («Источник» / "Source") with its channel options. */
export const leadSourceFieldMissingPlan: PlanBuilder = (ctx, _result, lang = 'ru') => {
  const bf = ctx.baseline.fields.find((f) => f.purpose === 'lead-source' && f.entity === 'leads');
  if (!bf) return null;
  const op = createField('leads', newFieldBody(bf, lang), {
    key: 'fix.op.createListField.leads',
    params: { field: bf.name[lang], options: optionList(bf, lang) },
  });
  return { ruleId: 'lead-source-field-missing', kind: 'safe', ops: [op], touches: ['leadFields'] };
};
