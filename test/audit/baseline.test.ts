import { describe, expect, it } from 'vitest';
import defaultJson from '../../src/audit/baseline/b2b-services.json';
import { validateBaseline } from '../../src/audit/baseline/validate';
import { defaultBaseline, loadBaseline, parseBaseline } from '../../src/audit/baseline/load';
import { LANGS } from '../../src/i18n/langs';

const clone = () => structuredClone(defaultJson) as any;
/** Languages a baseline file may lack (ru and en it must carry). */
const LATER_LANGS = LANGS.filter((l) => l !== 'ru' && l !== 'en');

describe('baseline', () => {
  it('names the stage template, fields and options in pt (Kommo Brazil) as well', () => {
    const b = defaultBaseline();
    expect(b.pipeline.stages.map((s) => s.pt)).toEqual([
      'Solicitação',
      'Negociação',
      'Proposta',
      'Acordo de condições',
      'Contrato',
      'Pré-pagamento',
      'Projeto',
      'Pagamento',
    ]);
    expect(b.pipeline.won.pt).toBe('Sucesso');
    expect(b.fields.map((f) => `${f.entity}:${f.name.pt}`)).toEqual([
      'leads:Origem',
      'leads:Motivo da perda',
      'companies:CNPJ',
      'companies:Setor',
      'contacts:Papel na negociação',
    ]);
    expect(b.fields.find((f) => f.purpose === 'lead-source')!.options!.map((o) => o.pt)).toEqual([
      'Site',
      'Ligação',
      'E-mail',
      'Chat',
      'Telegram',
      'WhatsApp',
      'VK',
      'Indicação',
      'Outro',
    ]);
  });

  it.each(LATER_LANGS)(
    'reads a baseline without %s names (written before the product spoke it) with the en names, and refuses an empty one',
    (lang) => {
      const old = clone();
      const strip = (t: any) => delete t[lang];
      strip(old.name);
      strip(old.pipeline.won);
      for (const s of old.pipeline.stages) strip(s);
      for (const f of old.fields) {
        strip(f.name);
        for (const o of f.options ?? []) strip(o);
      }
      const result = validateBaseline(old);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.baseline.pipeline.stages[0]).toMatchObject({ ru: 'Заявка', en: 'Request', [lang]: 'Request' });
      expect(result.baseline.fields[0]!.name).toMatchObject({ ru: 'Источник', en: 'Source', [lang]: 'Source' });
      expect(result.baseline.fields[0]!.options![0]![lang]).toBe('Website');
      const empty = clone();
      empty.pipeline.won[lang] = ' ';
      expect(validateBaseline(empty)).toMatchObject({ ok: false, error: { path: `pipeline.won.${lang}` } });
    },
  );

  it('the shipped baseline names every stage, field and option in every product language', () => {
    const texts = (j: any): any[] => [
      j.name,
      j.pipeline.won,
      ...j.pipeline.stages,
      ...j.fields.flatMap((f: any) => [f.name, ...(f.options ?? [])]),
    ];
    for (const t of texts(defaultJson)) expect(Object.keys(t), JSON.stringify(t)).toEqual([...LANGS]);
  });

  it('the default validates and matches the checklist', () => {
    const result = validateBaseline(defaultJson);
    expect(result.ok).toBe(true);
    const b = defaultBaseline();
    expect(b.id).toBe('b2b-services');
    expect(b.pipeline.stages.map((s) => s.ru)).toEqual([
      'Заявка',
      'Переговоры',
      'КП',
      'Согласование условий',
      'Договор',
      'Предоплата',
      'Проект',
      'Оплата',
    ]);
    expect(b.pipeline.won).toMatchObject({ ru: 'Успех', en: 'Success', es: 'Éxito' });
    expect(b.pipeline.stages.map((s) => s.es)).toEqual([
      'Solicitud',
      'Negociación',
      'Propuesta',
      'Acuerdo de condiciones',
      'Contrato',
      'Anticipo',
      'Proyecto',
      'Pago',
    ]);
    expect(b.thresholds).toEqual({
      maxAdmins: 2,
      maxAdminShare: 0.2,
      signalWindowDays: 30,
      stageCount: { min: 3, max: 12 },
      usage: {
        minOpenLeads: 10,
        leadsWithoutTaskShare: 0.2,
        overdueTaskShare: 0.1,
        overdueDays: 1,
        idleLeadShare: 0.2,
        idleDays: 14,
        leadsWithoutContactShare: 0.1,
        unsortedHours: 24,
        ownerShare: 0.6,
        ownerMinUsers: 3,
      },
    });
    expect(b.requiredFields).toEqual([
      { field: 'source', fromWorkingStage: 2 },
      { field: 'lossReason', atStatus: 143 },
    ]);
    expect(b.fields.find((f) => f.purpose === 'lead-source')!.options!.map((o) => o.ru)).toEqual([
      'Сайт',
      'Звонок',
      'Почта',
      'Чат',
      'Telegram',
      'WhatsApp',
      'ВКонтакте',
      'Рекомендация',
      'Другое',
    ]);
    expect(b.fields.find((f) => f.purpose === 'loss-reason')!.options!.map((o) => o.ru)).toEqual([
      'Дорого',
      'Выбрали конкурента',
      'Нет потребности',
      'Не вышли на связь',
      'Другое',
    ]);
    expect(b.fields.map((f) => `${f.entity}:${f.name.ru}:${f.type}`)).toEqual([
      'leads:Источник:select',
      'leads:Причина отказа:select',
      'companies:ИНН:text',
      'companies:Отрасль:select',
      'contacts:Роль в сделке:select',
    ]);
    expect(b.fields.map((f) => f.name.es)).toEqual([
      'Fuente',
      'Motivo de pérdida',
      'ID fiscal',
      'Industria',
      'Rol en el lead',
    ]);
    // Every option has a Spanish name of its own.
    for (const f of b.fields) for (const o of f.options ?? []) expect(o.es, `${f.key}: ${o.en}`).toBeTruthy();
    expect(b.fields.find((f) => f.purpose === 'loss-reason')!.options!.map((o) => o.es)).toEqual([
      'Demasiado caro',
      'Eligió a la competencia',
      'Sin necesidad',
      'No se pudo contactar',
      'Otro',
    ]);
    expect(b.managerRights.leads).toEqual({ view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' });
    expect(b.managerRights.tasks).toEqual({ edit: 'M', delete: 'M' });
    expect(b.managerRights.mail_access).toBe(true);
    expect(Object.isFrozen(b.thresholds)).toBe(true);
  });

  it('a baseline saved before the In use area loads with its default thresholds; a partial block keeps the rest', () => {
    const old = structuredClone(defaultJson) as any;
    delete old.thresholds.usage;
    const loaded = validateBaseline(old);
    expect(loaded.ok && loaded.baseline.thresholds.usage).toEqual(defaultBaseline().thresholds.usage);
    const partial = structuredClone(defaultJson) as any;
    partial.thresholds.usage = { idleDays: 7 };
    const read = validateBaseline(partial);
    expect(read.ok && read.baseline.thresholds.usage).toEqual({ ...defaultBaseline().thresholds.usage, idleDays: 7 });
  });

  it('rejects an empty es name and an unknown language key', () => {
    const empty = structuredClone(defaultJson) as any;
    empty.fields[0].name.es = ' ';
    expect(validateBaseline(empty)).toMatchObject({ ok: false, error: { path: 'fields[0].name.es' } });
    const unknown = structuredClone(defaultJson) as any;
    unknown.name.de = 'B2B-Dienstleistungen';
    expect(validateBaseline(unknown)).toMatchObject({ ok: false, error: { path: 'name.de' } });
  });

  it.each([
    [
      'thresholds.maxAdmins: expected a positive integer',
      (j: any) => {
        j.thresholds.maxAdmins = 0;
      },
    ],
    [
      'thresholds.maxAdmins: expected a positive integer',
      (j: any) => {
        j.thresholds.maxAdmins = '2';
      },
    ],
    [
      'thresholds.maxAdmins: missing',
      (j: any) => {
        delete j.thresholds.maxAdmins;
      },
    ],
    [
      'thresholds.usage.idleLeadShare: expected a number in [0, 1]',
      (j: any) => {
        j.thresholds.usage.idleLeadShare = 20;
      },
    ],
    [
      'thresholds.usage.minOpenLeads: expected an integer from 1 to 100000',
      (j: any) => {
        j.thresholds.usage.minOpenLeads = 0;
      },
    ],
    [
      'thresholds.usage.idleDay: unknown key',
      (j: any) => {
        j.thresholds.usage.idleDay = 14;
      },
    ],
    [
      'thresholds.maxAdmin: unknown key',
      (j: any) => {
        j.thresholds.maxAdmin = 2;
      },
    ],
    [
      'thresholds.stageCount: expected min ≤ max',
      (j: any) => {
        j.thresholds.stageCount = { min: 5, max: 4 };
      },
    ],
    [
      'thresholds.maxAdminShare: expected a number in (0, 1]',
      (j: any) => {
        j.thresholds.maxAdminShare = 2;
      },
    ],
    [
      'fields[1].options[2].en: expected a non-empty string',
      (j: any) => {
        j.fields[1].options[2].en = '';
      },
    ],
    [
      'fields[0].options: expected at least 1 entries',
      (j: any) => {
        j.fields[0].options = [];
      },
    ],
    [
      'fields[2].options: not allowed for type text',
      (j: any) => {
        j.fields[2].options = [{ ru: 'a', en: 'a' }];
      },
    ],
    [
      'fields[0].type: expected one of text, numeric, checkbox, select, multiselect, radiobutton, date, url, textarea, date_time',
      (j: any) => {
        j.fields[0].type = 'tracking_data';
      },
    ],
    [
      'fields[1].key: duplicate key "source"',
      (j: any) => {
        j.fields[1].key = 'source';
      },
    ],
    [
      'requiredFields[0].field: expected a key of fields, got "nope"',
      (j: any) => {
        j.requiredFields[0].field = 'nope';
      },
    ],
    [
      'requiredFields[0].fromWorkingStage: expected at most 8 (the stage template)',
      (j: any) => {
        j.requiredFields[0].fromWorkingStage = 9;
      },
    ],
    [
      'requiredFields[1].atStatus: expected one of 142, 143',
      (j: any) => {
        j.requiredFields[1].atStatus = 144;
      },
    ],
    [
      'requiredFields[1]: expected exactly one of fromWorkingStage, atStatus',
      (j: any) => {
        j.requiredFields[1].fromWorkingStage = 2;
      },
    ],
    [
      'managerRights.leads.export: expected one of A, G, M, D',
      (j: any) => {
        j.managerRights.leads.export = 'X';
      },
    ],
    [
      'managerRights.contacts.add: expected one of A, D',
      (j: any) => {
        j.managerRights.contacts.add = 'M';
      },
    ],
    [
      'managerRights.mail_access: expected a boolean',
      (j: any) => {
        j.managerRights.mail_access = 'yes';
      },
    ],
    [
      'pipeline.stages: expected at least 1 entries',
      (j: any) => {
        j.pipeline.stages = [];
      },
    ],
    [
      'name: expected an object',
      (j: any) => {
        j.name = 'B2B';
      },
    ],
  ])('rejects with path: %s', (message, mutate) => {
    const j = clone();
    mutate(j);
    const result = validateBaseline(j);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(message);
      expect(message.startsWith(result.error.path)).toBe(true);
    }
  });

  it('rejects a non-object root and invalid JSON text', () => {
    expect(validateBaseline([])).toMatchObject({
      ok: false,
      error: { path: '', message: '(root): expected an object' },
    });
    expect(parseBaseline('{')).toMatchObject({ ok: false, error: { path: '' } });
  });

  it('parses valid text into a fresh copy and loads the default when text is empty or bad', () => {
    const j = clone();
    j.thresholds.maxAdmins = 4;
    const parsed = parseBaseline(JSON.stringify(j));
    expect(parsed.ok && parsed.baseline.thresholds.maxAdmins).toBe(4);
    expect(loadBaseline('').baseline).toBe(defaultBaseline());
    const bad = loadBaseline('{"id": 1}');
    expect(bad.baseline).toBe(defaultBaseline());
    expect(bad.error).toMatchObject({ path: 'version' });
  });
});
