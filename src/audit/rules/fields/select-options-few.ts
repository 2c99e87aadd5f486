import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { FIELD_PARTS, isListField } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** A list field with fewer than two options offers no choice. */
export const selectOptionsFew = defineRule({
  meta: {
    id: 'select-options-few',
    area: 'fields',
    severity: 'low',
    requires: ['leadFields', 'contactFields', 'companyFields'],
    fix: null,
  },
  check(ctx) {
    const items: Item[] = [];
    for (const { entity, part } of FIELD_PARTS) {
      for (const f of need(ctx, part)) {
        const count = f.enums?.length ?? 0;
        if (!isListField(f) || count >= 2) continue;
        items.push({
          id: `field:${f.id}`,
          message: { key: `items.select-options-few.${entity}`, params: { name: f.name, count } },
          link: crmLinks.fields(entity),
          data: { entity, field_id: f.id, type: f.type, enum_count: count },
        });
      }
    }
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
