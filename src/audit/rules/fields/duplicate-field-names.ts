import { defineRule, type Note } from '../../define-rule';
import { need } from '../../context';
import { FIELD_PARTS } from '../../terms';
import { normalizeName } from '../../normalize';
import { crmLinks } from '../../links';

/** Two fields of one entity share a name, so people fill one and reports read the other. */
export const duplicateFieldNames = defineRule({
  meta: {
    id: 'duplicate-field-names',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields', 'contactFields', 'companyFields'],
    messages: FIELD_PARTS.map((f) => f.entity),
  },
  check(ctx) {
    const findings: Note[] = [];
    for (const { entity, part } of FIELD_PARTS) {
      const groups = new Map<string, { id: number; name: string }[]>();
      for (const f of need(ctx, part)) {
        const key = normalizeName(f.name);
        if (!key) continue;
        groups.set(key, [...(groups.get(key) ?? []), { id: f.id, name: f.name }]);
      }
      for (const [key, fields] of groups) {
        if (fields.length < 2) continue;
        findings.push({
          id: `${entity}:${key}`,
          message: entity,
          params: { name: fields[0]!.name, count: fields.length },
          link: crmLinks.fields(entity),
          data: { entity, name: key, field_ids: fields.map((f) => f.id) },
        });
      }
    }
    return findings;
  },
});
