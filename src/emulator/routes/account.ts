/** GET /api/v4/account — any user; `current_user_id` is the caller. */
import { route } from '../router';
import type { Route } from '../router';
import { hal, selfLink, withSet } from '../http';

const DATETIME = {
  date_pattern: 'd.m.Y H:i',
  short_date_pattern: 'd.m.Y',
  short_time_pattern: 'H:i',
  date_format: 'd.m.Y',
  time_format: 'H:i',
  timezone: 'Europe/Moscow',
  timezone_offset: '+03:00',
};

/** Account routes. */
export const accountRoutes: Route[] = [
  route('GET', '/api/v4/account', (ctx) => {
    const a = ctx.store.account;
    const w = withSet(ctx.query);
    const out: Record<string, unknown> = {
      id: a.id,
      name: a.name,
      subdomain: a.subdomain,
      created_at: a.created_at,
      created_by: a.created_by,
      updated_at: a.updated_at,
      updated_by: a.updated_by,
      current_user_id: ctx.user.id,
      country: a.country,
      currency: a.currency,
      currency_symbol: a.currency_symbol,
      customers_mode: a.customers_mode,
      is_unsorted_on: a.is_unsorted_on,
      mobile_feature_version: a.mobile_feature_version,
      is_loss_reason_enabled: a.is_loss_reason_enabled,
      is_helpbot_enabled: a.is_helpbot_enabled,
      is_technical_account: a.is_technical_account,
      contact_name_display_order: a.contact_name_display_order,
    };
    if (w.has('amojo_id')) out['amojo_id'] = a.amojo_id;
    if (w.has('uuid')) out['uuid'] = a.uuid;
    if (w.has('version')) out['version'] = a.version;
    if (w.has('drive_url')) out['drive_url'] = 'https://drive-b.amocrm.ru';
    if (w.has('is_api_filter_enabled')) out['is_api_filter_enabled'] = a.is_api_filter_enabled === true;
    out['_links'] = selfLink(ctx.origin, '/api/v4/account');
    const emb: Record<string, unknown> = {};
    if (w.has('amojo_rights')) emb['amojo_rights'] = { can_direct: true, can_create_groups: true };
    if (w.has('users_groups')) emb['users_groups'] = structuredClone(a.users_groups);
    if (w.has('task_types')) emb['task_types'] = structuredClone(a.task_types);
    if (w.has('datetime_settings')) emb['datetime_settings'] = { ...DATETIME };
    if (Object.keys(emb).length > 0) out['_embedded'] = emb;
    return hal(out);
  }),
];
