import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { FIELD_PARTS } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** Leads, contacts or companies with only the CRM's predefined fields. */
export const customFieldsMissing = defineRule({
  meta: {
    id: 'custom-fields-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields', 'contactFields', 'companyFields'],
    fix: 'confirm',
  },
  check(ctx) {
    const items: Item[] = [];
    for (const { entity, part } of FIELD_PARTS) {
      const fields = need(ctx, part);
      // tracking_data fields (UTM and the like) are created by the CRM, not by the team.
      const custom = fields.filter((f) => !f.is_predefined && f.type !== 'tracking_data');
      if (custom.length > 0) continue;
      items.push({
        id: `entity:${entity}`,
        message: { key: `items.custom-fields-missing.${entity}` },
        link: crmLinks.fields(entity),
        data: {
          entity,
          baselineFields: ctx.baseline.fields.filter((f) => f.entity === entity).map((f) => f.key),
        },
      });
    }
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
