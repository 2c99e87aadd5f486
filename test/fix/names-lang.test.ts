import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { namesLang, planFor } from '../../src/fix';
import type { AccountDto } from '../../src/api/dto';
import { LANGS, type Lang } from '../../src/i18n/langs';
import type { SnapshotParts } from '../../src/snapshot/types';
import { field, ok, pipeline, snapshot } from '../audit/fixtures';

const ACCOUNT: AccountDto = { id: 1, name: 'T', subdomain: 't', current_user_id: 1 };
const RU = ['Первичный контакт', 'Переговоры'];
const EN = ['Initial contact', 'Discussions', 'Decision making'];
/** A Brazilian team's own working stages: Latin script, with the letters English never writes (ç, ã). */
const PT = ['Qualificação', 'Negociação', 'Proposta'];
/** A Turkish team's own working stages: ş, ı and ğ mark them, and ç (which Portuguese writes too) must not. */
const TR = ['Görüşme', 'Teklif hazırlığı', 'Sözleşme'];
/** An Indonesian team's own working stages: plain Latin letters, nothing English never writes. */
const ID = ['Kualifikasi', 'Negosiasi', 'Penawaran'];
/** The names amoCRM gives the unsorted, won and lost stages of an English account. */
const EN_SYSTEM = { unsorted: 'Incoming leads', 142: 'Closed - won', 143: 'Closed - lost' };

interface Account {
  language?: string;
  stages: readonly string[];
  fields: readonly string[];
  /** Unsorted, won and lost stages named in English (else the fixture's Russian names). */
  systemEn?: boolean;
}

/** An account with these working stages and deal fields, plus a CRM-made UTM field (Latin in every account). */
function parts(a: Account): Partial<SnapshotParts> {
  const p = pipeline(10, [...a.stages], { name: 'P', main: true });
  const statuses = (p._embedded?.statuses ?? []).map((s) => {
    if (!a.systemEn) return s;
    if (s.type === 1) return { ...s, name: EN_SYSTEM.unsorted };
    return s.id === 142 || s.id === 143 ? { ...s, name: EN_SYSTEM[s.id] } : s;
  });
  return {
    account: ok({ ...ACCOUNT, ...(a.language === undefined ? {} : { language: a.language }) }),
    pipelines: ok(a.stages.length ? [{ ...p, _embedded: { statuses } }] : []),
    leadFields: ok([...a.fields.map((n, i) => field(800 + i, n)), field(899, 'utm_source', { type: 'tracking_data' })]),
    contactFields: ok([]),
    companyFields: ok([]),
  };
}

describe('names a fix writes follow the account, never the viewer', () => {
  it.each<{ name: string; account: Account; viewer: Lang; want: Lang }>([
    // Kommo Brazil says pt (as pt or pt_BR), whatever the names and the viewer.
    { name: 'Kommo pt, English names', account: { language: 'pt', stages: EN, fields: [] }, viewer: 'en', want: 'pt' },
    { name: 'Kommo pt_BR', account: { language: 'pt_BR', stages: RU, fields: [] }, viewer: 'ru', want: 'pt' },
    { name: 'Kommo en, pt viewer', account: { language: 'en', stages: PT, fields: [] }, viewer: 'pt', want: 'en' },
    // No `language`: Latin names that carry Portuguese letters are pt, plain Latin ones en.
    {
      name: 'Portuguese names',
      account: { stages: PT, fields: ['Orçamento'], systemEn: true },
      viewer: 'en',
      want: 'pt',
    },
    { name: 'plain Latin, pt viewer', account: { stages: EN, fields: [], systemEn: true }, viewer: 'pt', want: 'en' },
    { name: 'no names, pt viewer', account: { stages: [], fields: [] }, viewer: 'pt', want: 'pt' },
    // Kommo says its language: that wins over the names and over the viewer.
    {
      name: 'Kommo en, Russian names',
      account: { language: 'en', stages: RU, fields: ['Бюджет'] },
      viewer: 'ru',
      want: 'en',
    },
    {
      name: 'Kommo ru, English names',
      account: { language: 'ru', stages: EN, fields: [], systemEn: true },
      viewer: 'en',
      want: 'ru',
    },
    // amoCRM does not send `language`: the script of the account's own names decides.
    { name: 'Cyrillic names, English viewer', account: { stages: RU, fields: [] }, viewer: 'en', want: 'ru' },
    {
      name: 'Latin names, Russian viewer',
      account: { stages: EN, fields: [], systemEn: true },
      viewer: 'ru',
      want: 'en',
    },
    {
      name: 'Kommo es, Latin names, Russian viewer',
      account: { language: 'es', stages: EN, fields: [], systemEn: true },
      viewer: 'ru',
      want: 'es',
    },
    // A Spanish viewer does not make an English-named account Spanish: the script says Latin → en.
    {
      name: 'Latin names, Spanish viewer',
      account: { stages: EN, fields: [], systemEn: true },
      viewer: 'es',
      want: 'en',
    },
    {
      name: 'unknown code',
      account: { language: 'de', stages: EN, fields: [], systemEn: true },
      viewer: 'ru',
      want: 'en',
    },
    { name: 'no names, Spanish viewer', account: { stages: [], fields: [] }, viewer: 'es', want: 'es' },
    // Kommo Turkey says tr (as tr or tr_TR); without it, Latin names with ğ, ş, ı or İ are Turkish.
    { name: 'Kommo tr, English names', account: { language: 'tr', stages: EN, fields: [] }, viewer: 'en', want: 'tr' },
    { name: 'Kommo tr_TR', account: { language: 'tr_TR', stages: RU, fields: [] }, viewer: 'ru', want: 'tr' },
    { name: 'Turkish names', account: { stages: TR, fields: ['Bütçe'], systemEn: true }, viewer: 'en', want: 'tr' },
    {
      name: 'Turkish names with ç, Portuguese viewer',
      account: { stages: [...TR, 'Açık teklif'], fields: ['Ödeme şekli'], systemEn: true },
      viewer: 'pt',
      want: 'tr',
    },
    {
      name: 'İ alone marks Turkish',
      account: { stages: ['İlk temas', 'Demo', 'Final'], fields: [], systemEn: true },
      viewer: 'en',
      want: 'tr',
    },
    {
      name: 'plain Latin, Turkish viewer',
      account: { stages: EN, fields: [], systemEn: true },
      viewer: 'tr',
      want: 'en',
    },
    { name: 'no names, Turkish viewer', account: { stages: [], fields: [] }, viewer: 'tr', want: 'tr' },
    // Kommo Indonesia says id; Indonesian writes no letters of its own, so without `language` its names read as en.
    {
      name: 'Kommo id, English names, Russian viewer',
      account: { language: 'id', stages: EN, fields: [], systemEn: true },
      viewer: 'ru',
      want: 'id',
    },
    {
      name: 'Indonesian names, no language, id viewer',
      account: { stages: ID, fields: ['Anggaran'], systemEn: true },
      viewer: 'id',
      want: 'en',
    },
    // Mixed: English working stages, Russian system stages (3 : 3); the English deal field tips it.
    { name: 'mostly Latin', account: { stages: EN, fields: ['Budget'] }, viewer: 'ru', want: 'en' },
    // Nothing to go by (no stages; only a UTM field and digits): the viewer's language.
    { name: 'no names at all', account: { stages: [], fields: ['123'] }, viewer: 'en', want: 'en' },
    { name: 'no names, Russian viewer', account: { stages: [], fields: [] }, viewer: 'ru', want: 'ru' },
  ])('$name → $want', ({ account, viewer, want }) => {
    expect(namesLang(snapshot(parts(account)), viewer)).toBe(want);
  });

  it.each([
    ['ru', 'Источник', { stages: RU, fields: ['Бюджет'] }],
    ['en', 'Source', { stages: EN, fields: ['Budget'], systemEn: true }],
    ['pt', 'Origem', { stages: PT, fields: ['Orçamento'], systemEn: true }],
    ['pt', 'Origem', { language: 'pt', stages: EN, fields: ['Budget'], systemEn: true }],
    ['es', 'Fuente', { language: 'es', stages: EN, fields: ['Presupuesto'], systemEn: true }],
    ['tr', 'Kaynak', { language: 'tr', stages: EN, fields: ['Budget'], systemEn: true }],
    ['tr', 'Kaynak', { stages: TR, fields: ['Bütçe'], systemEn: true }],
    ['id', 'Sumber', { language: 'id', stages: ID, fields: ['Anggaran'], systemEn: true }],
  ] as const)('a fix in an account named in %s writes «%s» whatever the viewer reads', (_lang, name, account) => {
    for (const viewer of LANGS) {
      const plan = planFor('lead-source-field-missing', snapshot(parts(account)), defaultBaseline(), viewer)!;
      expect((plan.ops[0]!.body as { name: string }[])[0]!.name).toBe(name);
    }
  });

  it('an explicit choice of names (--names-lang) wins over what the account suggests', () => {
    const russian = snapshot(parts({ stages: RU, fields: ['Бюджет'] }));
    const plan = planFor('lead-source-field-missing', russian, defaultBaseline(), 'ru', { namesLang: 'en' })!;
    expect((plan.ops[0]!.body as { name: string }[])[0]!.name).toBe('Source');
  });
});
