import type { FieldEntity } from '../../api/dto';
import { need } from '../../audit/context';
import type { Message } from '../../audit/types';
import { createField } from '../ops';
import type { Op, Plan } from '../types';
import { fieldPart, findBaselineField, newFieldBody, optionList, type PlanBuilder } from './shared';

/** Confirm: create the baseline's recommended fields for each entity that has only predefined ones. */
export const customFieldsMissingPlan: PlanBuilder = (ctx, result, lang = 'ru') => {
  const ops: Op[] = [];
  const manual: Message[] = [];
  for (const item of result.items ?? []) {
    const entity = item.data?.['entity'] as FieldEntity;
    const existing = need(ctx, fieldPart(entity));
    const wanted = ctx.baseline.fields.filter((f) => f.entity === entity);
    if (wanted.length === 0) manual.push({ key: `fix.manual.noBaselineFields.${entity}` });
    for (const bf of wanted) {
      if (findBaselineField(existing, bf)) continue;
      const options = optionList(bf, lang);
      ops.push(
        createField(
          entity,
          newFieldBody(bf, lang),
          options
            ? { key: `fix.op.createListField.${entity}`, params: { field: bf.name[lang], options } }
            : { key: `fix.op.createField.${entity}`, params: { field: bf.name[lang] } },
        ),
      );
    }
  }
  const plan: Plan = {
    ruleId: 'custom-fields-missing',
    kind: 'confirm',
    ops,
    touches: ['leadFields', 'contactFields', 'companyFields'],
  };
  if (manual.length) plan.manual = manual;
  return plan;
};
