import { defineRule, type Note } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';
import { judged, judgedVerdict, openLeads, skippedIn } from '../../usage';

/**
 * Two or more open deals in one pipeline for the same main contact: usually one request entered twice (a
 * form and a call), worked by two sellers who do not know of each other.
 */
export const duplicateOpenLeads = defineRule({
  meta: {
    id: 'duplicate-open-leads',
    area: 'usage',
    severity: 'medium',
    requires: ['leads', 'pipelines'],
    messages: ['group', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const pipelines = need(ctx, 'pipelines');
    const open = openLeads(need(ctx, 'leads').open, pipelines);
    if (open.length < ctx.baseline.thresholds.usage.minOpenLeads) return 'not-applicable';
    const groups = new Map<string, { pipelineId: number; contactId: number; leadIds: number[] }>();
    for (const l of open) {
      if (l.contactId === null) continue;
      const key = `${l.pipelineId}:${l.contactId}`;
      const group = groups.get(key) ?? { pipelineId: l.pipelineId, contactId: l.contactId, leadIds: [] };
      group.leadIds.push(l.id);
      groups.set(key, group);
    }
    const found = [...groups.values()]
      .filter((g) => g.leadIds.length > 1)
      .sort((a, b) => a.pipelineId - b.pipelineId || a.contactId - b.contactId)
      .map((g): Note => {
        const leadIds = [...g.leadIds].sort((a, b) => a - b);
        const pipeline = pipelines.find((p) => p.id === g.pipelineId)?.name ?? `#${g.pipelineId}`;
        return {
          id: `pipeline:${g.pipelineId}@contact:${g.contactId}`,
          message: 'group',
          params: { pipeline, count: leadIds.length, leads: leadIds.map((id) => `#${id}`).join(', ') },
          link: crmLinks.contact(g.contactId),
          data: { pipeline_id: g.pipelineId, contact_id: g.contactId, lead_ids: leadIds },
        };
      });
    return judgedVerdict(found, judged(open.length, found.length, {}, 'judged', skippedIn(ctx, 'leads')));
  },
});
