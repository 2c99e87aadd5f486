/**
 * POST /api/v4/calls: matches each call by the last 10 phone digits to a contact (then a
 * company), attaches a call_in/call_out note to its single open lead or else to the card,
 * logs an incoming_call/outgoing_call event, and answers 200 with the created notes.
 */
import type { FieldEntity } from '../../api/dto';
import { arrayBody, route } from '../router';
import type { Route } from '../router';
import { assertValid, hal, selfLink } from '../http';
import type { ValidationIssue } from '../http';
import { LOST, WON, eventId, iterate, nextId } from '../store';
import type { NoteRecord } from '../store';
import { channelValues, phoneKey } from './entities';

/** Calls route. */
export const callRoutes: Route[] = [
  route('POST', '/api/v4/calls', async (ctx) => {
    const items = await arrayBody(ctx);
    assertValid(
      items.map((it, i) => {
        const errors: ValidationIssue[] = [];
        if (it['direction'] !== 'inbound' && it['direction'] !== 'outbound')
          errors.push({
            code: 'NotSupportedChoice',
            path: 'direction',
            detail: 'direction must be inbound or outbound',
          });
        if (typeof it['duration'] !== 'number' || !Number.isInteger(it['duration']) || it['duration'] < 0)
          errors.push({ code: 'InvalidType', path: 'duration', detail: 'duration must be a non-negative integer' });
        if (typeof it['source'] !== 'string' || it['source'] === '')
          errors.push({ code: 'NotBlank', path: 'source', detail: 'source is required' });
        if (typeof it['phone'] !== 'string' || phoneKey(it['phone']) === '')
          errors.push({ code: 'NotBlank', path: 'phone', detail: 'phone is required' });
        return { request_id: String(it['request_id'] ?? i), errors };
      }),
    );
    const s = ctx.store;
    const nowSec = Math.floor(ctx.now() / 1000);
    const calls: Record<string, unknown>[] = [];
    const errors: Record<string, unknown>[] = [];
    items.forEach((it, i) => {
      const key = phoneKey(String(it['phone']));
      const requestId = String(it['request_id'] ?? i);
      let target: { entity: FieldEntity; type: string; id: number; responsible: number } | undefined;
      for (const c of iterate(s.contacts)) {
        if (channelValues(c.custom_fields_values, 'PHONE').some((p) => phoneKey(p) === key)) {
          const open = s.leads.filter(
            (l) => l.contact_ids.includes(c.id) && l.status_id !== WON && l.status_id !== LOST,
          );
          target =
            open.length === 1
              ? { entity: 'leads', type: 'lead', id: open[0]!.id, responsible: open[0]!.responsible_user_id }
              : { entity: 'contacts', type: 'contact', id: c.id, responsible: c.responsible_user_id };
          break;
        }
      }
      if (!target) {
        const co = s.companies.find((c) =>
          channelValues(c.custom_fields_values, 'PHONE').some((p) => phoneKey(p) === key),
        );
        if (co) target = { entity: 'companies', type: 'company', id: co.id, responsible: co.responsible_user_id };
      }
      if (!target) {
        errors.push({
          request_id: requestId,
          code: 'EntityNotFound',
          detail: `No contact or company with phone ${String(it['phone'])}`,
        });
        return;
      }
      const createdAt = typeof it['created_at'] === 'number' ? it['created_at'] : nowSec;
      const author = typeof it['created_by'] === 'number' ? it['created_by'] : ctx.user.id;
      const inbound = it['direction'] === 'inbound';
      const params: Record<string, unknown> = {
        uniq: it['uniq'] ?? null,
        duration: it['duration'],
        source: it['source'],
        link: it['link'] ?? null,
        phone: it['phone'],
        call_responsible: it['call_responsible'] ?? null,
      };
      if (it['call_result'] !== undefined) params['call_result'] = it['call_result'];
      if (it['call_status'] !== undefined) params['call_status'] = it['call_status'];
      const note: NoteRecord = {
        id: nextId(s, 'note'),
        entity_id: target.id,
        created_by: author,
        updated_by: author,
        created_at: createdAt,
        updated_at: typeof it['updated_at'] === 'number' ? it['updated_at'] : createdAt,
        responsible_user_id:
          typeof it['responsible_user_id'] === 'number' ? it['responsible_user_id'] : target.responsible,
        group_id: 0,
        note_type: inbound ? 'call_in' : 'call_out',
        params,
      };
      s.notes[target.entity].push(note);
      s.events.push({
        id: eventId(nextId(s, 'event')),
        type: inbound ? 'incoming_call' : 'outgoing_call',
        entity_id: target.id,
        entity_type: target.type,
        created_by: author,
        created_at: createdAt,
        value_after: [{ note: { id: note.id } }],
        value_before: [],
      });
      calls.push({
        id: note.id,
        entity_id: target.id,
        entity_type: target.type,
        account_id: s.account.id,
        request_id: requestId,
        _embedded: { entity: { id: target.id, _links: selfLink(ctx.origin, `/api/v4/${target.entity}/${target.id}`) } },
      });
    });
    return hal({ _total_items: calls.length, errors, _embedded: { calls } });
  }),
];
