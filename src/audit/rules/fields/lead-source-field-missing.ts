import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { isListField } from '../../terms';
import { normalizeName } from '../../normalize';
import { crmLinks } from '../../links';

/** Name fragments (normalised) that mark a deal's source field in ru and en accounts. */
const SOURCE_WORDS = ['источник', 'source', 'канал', 'channel'];

/** Deals have no list field recording where they came from. */
export const leadSourceFieldMissing = defineRule({
  meta: {
    id: 'lead-source-field-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields'],
    fix: 'safe',
  },
  check(ctx) {
    const found = need(ctx, 'leadFields').find((f) => {
      const name = normalizeName(f.name);
      return isListField(f) && SOURCE_WORDS.some((w) => name.includes(w));
    });
    if (found) {
      return {
        outcome: 'pass',
        evidence: [
          {
            id: `field:${found.id}`,
            message: { key: 'items.lead-source-field-missing.found', params: { name: found.name } },
            link: crmLinks.fields('leads'),
            data: { entity: 'leads', field_id: found.id },
          },
        ],
      };
    }
    const baselineField = ctx.baseline.fields.find((f) => f.purpose === 'lead-source');
    return {
      outcome: 'fail',
      items: [
        {
          id: 'entity:leads',
          message: { key: 'items.lead-source-field-missing.missing' },
          link: crmLinks.fields('leads'),
          data: { entity: 'leads', baselineField: baselineField?.key ?? null },
        },
      ],
    };
  },
});
