/**
 * The planning sheets as steps for a person: who gets which role (the API has no user update), which
 * widgets serve a channel, which form field goes to which CRM field. Items already true are left out.
 */
import type { Message } from '../../audit/types';
import { normalizeEmail, normalizeName } from '../../audit/normalize';
import type { PlanningItem } from '../types';
import type { Model } from './model';

/** By-hand steps for the planning items. */
export function planByHand(model: Model, items: PlanningItem[]): Message[] {
  const out: Message[] = [];
  const roles = model.roles ?? [];
  const active = new Set((model.widgets ?? []).map((w) => w.code));
  for (const item of items) {
    switch (item.kind) {
      case 'user': {
        const user = model.users?.find((u) => item.email && normalizeEmail(u.email) === normalizeEmail(item.email));
        const params = { user: item.name, email: item.email, role: item.role ?? '—' };
        if (!user) {
          out.push({ key: item.admin ? 'blueprint.manual.inviteAdmin' : 'blueprint.manual.inviteUser', params });
          break;
        }
        if (item.admin !== user.rights.is_admin) {
          out.push({ key: item.admin ? 'blueprint.manual.makeAdmin' : 'blueprint.manual.dropAdmin', params });
        }
        const role = roles.find((r) => r.id === user.rights.role_id);
        const wanted = item.role ? normalizeName(item.role) : null;
        if (!item.admin && wanted !== (role ? normalizeName(role.name) : null)) {
          out.push({ key: 'blueprint.manual.userRole', params });
        }
        break;
      }
      case 'channel': {
        const missing = item.widgets
          .split(/[\n,]+/)
          .map((w) => w.trim())
          .filter((w) => w !== '' && !active.has(w));
        if (missing.length)
          out.push({ key: `blueprint.manual.channel.${item.channel}`, params: { widgets: missing.join(', ') } });
        break;
      }
      case 'form-field':
        out.push({
          key: 'blueprint.manual.formField',
          params: { form: item.form || '—', formField: item.formField, crmField: item.crmField },
        });
        break;
    }
  }
  return out;
}
