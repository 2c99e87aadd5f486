import { defineRule, type Note } from '../../define-rule';
import { need } from '../../context';
import { FIELD_PARTS, isListField } from '../../terms';
import { crmLinks } from '../../links';

/** A list field with fewer than two options offers no choice. */
export const selectOptionsFew = defineRule({
  meta: {
    id: 'select-options-few',
    area: 'fields',
    severity: 'low',
    requires: ['leadFields', 'contactFields', 'companyFields'],
    messages: FIELD_PARTS.map((f) => f.entity),
  },
  check(ctx) {
    const findings: Note[] = [];
    for (const { entity, part } of FIELD_PARTS) {
      for (const f of need(ctx, part)) {
        const count = f.enums?.length ?? 0;
        if (!isListField(f) || count >= 2) continue;
        findings.push({
          id: `field:${f.id}`,
          message: entity,
          params: { name: f.name, count },
          link: crmLinks.fields(entity),
          data: { entity, field_id: f.id, type: f.type, enum_count: count },
        });
      }
    }
    return findings;
  },
});
