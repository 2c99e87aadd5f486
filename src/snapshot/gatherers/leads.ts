import type { LeadDto, LossReasonDto } from '../../api/dto';
import { STATUS_LOST, STATUS_WON } from '../../api/dto';
import type { ClosedLead, LeadsView, OpenLead } from '../types';
import { countOwner, gatherer } from './types';

/** A timestamp as the official client reads it: a positive integer, anything else is none. */
function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The main contact of a lead read `with=contacts`: the one marked `is_main`, else the first listed. */
function mainContact(lead: LeadDto): number | null {
  const list = Array.isArray(lead._embedded?.contacts) ? lead._embedded.contacts : [];
  const main = list.find((c) => c?.is_main === true) ?? list[0];
  return positive(main?.id);
}

/**
 * The loss reason: `loss_reason_id` when positive (0 means none), else the reason `with=loss_reason`
 * embedded (the docs' table says an object, their example an array of one: both are read).
 */
function lossReason(lead: LeadDto): number | null {
  const own = positive(lead.loss_reason_id);
  if (own !== null) return own;
  const embedded = lead._embedded?.loss_reason;
  const first: LossReasonDto | undefined = Array.isArray(embedded) ? embedded[0] : (embedded ?? undefined);
  return positive(first?.id);
}

function filledFields(lead: LeadDto): number[] {
  const ids = (Array.isArray(lead.custom_fields_values) ? lead.custom_fields_values : [])
    .filter((v) => Array.isArray(v?.values) && v.values.some((x) => x?.value !== '' && x?.value != null))
    .map((v) => v.field_id);
  return [...new Set(ids)].sort((a, b) => a - b);
}

const inWindow = (at: number | null, window: { from: number; to: number }) =>
  at !== null && at >= window.from && at <= window.to;

const isInt = (v: unknown): v is number => Number.isInteger(v);

/**
 * True when a lead has the documented shape the rules read: integer id, status, pipeline, owner and
 * timestamps, `price` an integer or null, `custom_fields_values` an array or null. Anything else is skipped
 * and counted: a missing `updated_at` read as 0 would make a deal idle since 1970.
 */
function readable(lead: LeadDto): boolean {
  return (
    isInt(lead.id) &&
    isInt(lead.status_id) &&
    isInt(lead.pipeline_id) &&
    isInt(lead.responsible_user_id) &&
    isInt(lead.created_at) &&
    isInt(lead.updated_at) &&
    (lead.price === null || isInt(lead.price)) &&
    (lead.custom_fields_values == null || Array.isArray(lead.custom_fields_values))
  );
}

/**
 * Every lead, read once with `with=contacts,loss_reason` and streamed into the one view all lead rules and
 * the configuration document read. No server filter is used: lead filters are an opt-in feature an
 * account may not have (they are then ignored), so statuses and dates are judged here.
 */
export const leads = gatherer('leads', async ({ client, window, signal, tick, unreadable }): Promise<LeadsView> => {
  const view: LeadsView = { total: 0, byOwner: {}, byStage: {}, open: [], closed: [], created: [] };
  const query = { with: 'contacts,loss_reason' };
  for await (const page of client.pages<LeadDto>('/api/v4/leads', 'leads', { query, signal })) {
    for (const lead of page) {
      if (lead && typeof lead === 'object' && lead.is_deleted === true) continue;
      if (!lead || typeof lead !== 'object' || !readable(lead)) {
        unreadable?.();
        continue;
      }
      view.total += 1;
      const owner = Number(lead.responsible_user_id ?? 0);
      if (inWindow(positive(lead.created_at), window)) view.created.push({ owner, statusId: lead.status_id });
      if (lead.status_id === STATUS_WON || lead.status_id === STATUS_LOST) {
        const closedAt = positive(lead.closed_at);
        if (closedAt === null || !inWindow(closedAt, window)) continue;
        const closed: ClosedLead = {
          id: lead.id,
          owner,
          pipelineId: lead.pipeline_id,
          statusId: lead.status_id,
          closedAt,
          // A null price is no price set: a won deal without one is what won-without-price looks for.
          price: lead.price ?? 0,
          lossReasonId: lossReason(lead),
          filledFieldIds: filledFields(lead),
        };
        view.closed.push(closed);
        continue;
      }
      countOwner(view.byOwner, lead.responsible_user_id);
      const stage = `${lead.pipeline_id}:${lead.status_id}`;
      view.byStage[stage] = (view.byStage[stage] ?? 0) + 1;
      const open: OpenLead = {
        id: lead.id,
        owner,
        pipelineId: lead.pipeline_id,
        statusId: lead.status_id,
        updatedAt: positive(lead.updated_at) ?? positive(lead.created_at) ?? 0,
        closestTaskAt: positive(lead.closest_task_at),
        contactId: mainContact(lead),
      };
      view.open.push(open);
    }
    tick();
  }
  return view;
});
