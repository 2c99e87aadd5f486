/** The marketplace list `/api/v4/widgets` returns: real-looking catalogue entries plus generated ones. */
import type { WidgetSettingDto } from '../../api/dto';
import type { Store, WidgetRecord } from '../store';
import type { Rng } from './prng';
import { uuid } from './builders';

type Kind = 'telephony' | 'chat' | 'other';
const CATALOGUE: [string, Kind][] = [
  ['mango_office', 'telephony'],
  ['amo_asterisk', 'telephony'],
  ['zadarma', 'telephony'],
  ['uiscom', 'telephony'],
  ['sipuni', 'telephony'],
  ['telphin', 'telephony'],
  ['beeline_business', 'telephony'],
  ['mts_business_pbx', 'telephony'],
  ['onlinepbx', 'telephony'],
  ['gravitel', 'telephony'],
  ['novofon', 'telephony'],
  ['rostelecom_vats', 'telephony'],
  ['wazzup', 'chat'],
  ['radist_online', 'chat'],
  ['chatapp', 'chat'],
  ['jivo', 'chat'],
  ['pact_im', 'chat'],
  ['i2crm', 'chat'],
  ['umnico', 'chat'],
  ['textback', 'chat'],
  ['amo_dropbox', 'other'],
  ['amo_mailchimp', 'other'],
  ['google_calendar_sync', 'other'],
  ['sms_ru', 'other'],
  ['docs_generator', 'other'],
  ['amo_1c_integration', 'other'],
  ['yandex_metrika', 'other'],
  ['roistat', 'other'],
  ['calltouch', 'other'],
  ['tilda_forms', 'other'],
  ['unisender', 'other'],
  ['smsc_ru', 'other'],
  ['salesbot_plus', 'other'],
  ['moysklad', 'other'],
  ['dadata_autofill', 'other'],
  ['yandex_disk', 'other'],
  ['bitrix_migration', 'other'],
  ['invoice_pro', 'other'],
  ['tasks_checklist', 'other'],
  ['deal_timer', 'other'],
];

function template(kind: Kind, rng: Rng): WidgetSettingDto[] {
  if (kind === 'telephony') {
    return [
      { key: 'api_key', name: 'API-ключ', type: 'pass', is_required: true },
      { key: 'domain', name: 'Адрес АТС', type: 'text', is_required: false },
      { key: 'users', name: 'Внутренние номера сотрудников', type: 'users', is_required: false },
    ];
  }
  if (kind === 'chat') return [{ key: 'token', name: 'Токен', type: 'text', is_required: true }];
  return rng.chance(0.4)
    ? []
    : [
        { key: 'login', name: 'Логин', type: 'text', is_required: true },
        { key: 'password', name: 'Пароль', type: 'pass', is_required: true },
      ];
}

/** Builds `count` widgets; codes in `active` are installed and active in the account. */
export function marketplace(
  store: Store,
  rng: Rng,
  count: number,
  active: string[] = [],
  pipelineId: number | null = null,
): WidgetRecord[] {
  const out: WidgetRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [code, kind]: [string, Kind] =
      i < CATALOGUE.length
        ? CATALOGUE[i]!
        : [`partner_widget_${String(i + 1).padStart(4, '0')}`, rng.pick<Kind>(['other', 'other', 'chat', 'telephony'])];
    const on = active.includes(code);
    out.push({
      id: 500_000 + i * 37,
      code,
      version: `${rng.int(0, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
      rating: `${rng.int(2, 4)},${rng.int(0, 9)}`,
      settings_template: template(kind, rng),
      is_lead_source: kind === 'chat',
      is_work_with_dp: rng.chance(0.2),
      is_crm_template: false,
      client_uuid: on || rng.chance(0.5) ? uuid(rng) : null,
      is_active_in_account: on,
      pipeline_id: on && kind === 'chat' ? pipelineId : null,
    });
  }
  store.widgets = out;
  return out;
}
