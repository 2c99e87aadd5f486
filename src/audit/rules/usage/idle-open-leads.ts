import { defineRule, type Note } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';
import { countsBy, DAY, openLeads, shareVerdict, skippedIn, stageNames, takenAtSeconds } from '../../usage';

/**
 * Open deals nobody touched for the idle days (by `updated_at`, which any edit moves: the API has no "entered
 * the stage at"), counted per stage so a stage where deals go to die stands out.
 */
export const idleOpenLeads = defineRule({
  meta: {
    id: 'idle-open-leads',
    area: 'usage',
    severity: 'medium',
    requires: ['leads', 'pipelines'],
    messages: ['share', 'stage', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const { minOpenLeads, idleLeadShare, idleDays } = ctx.baseline.thresholds.usage;
    const pipelines = need(ctx, 'pipelines');
    const open = openLeads(need(ctx, 'leads').open, pipelines);
    if (open.length < minOpenLeads) return 'not-applicable';
    const before = takenAtSeconds(ctx) - idleDays * DAY;
    const idle = open.filter((l) => l.updatedAt < before);
    return shareVerdict(
      idle.length,
      open.length,
      idleLeadShare,
      (): Note[] => {
        const pipelineOf = new Map(idle.map((l) => [l.statusId, l.pipelineId]));
        return countsBy(idle, (l) => l.statusId).map(([statusId, count]): Note => {
          const pipelineId = pipelineOf.get(statusId)!;
          return {
            id: `stage:${pipelineId}:${statusId}`,
            message: 'stage',
            params: { ...stageNames(pipelines, pipelineId, statusId), count, days: idleDays },
            link: crmLinks.pipeline(pipelineId),
            data: { pipeline_id: pipelineId, status_id: statusId, count },
          };
        });
      },
      { days: idleDays },
      skippedIn(ctx, 'leads'),
    );
  },
});
