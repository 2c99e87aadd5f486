import JSZip from 'jszip';
import type { CustomFieldDto } from '../../src/api/dto';
import type { PreflightSchema } from '../../src/preflight/types';
import { field, pipelines, users } from '../export/fixtures';

export { tRu, tEn } from '../export/fixtures';

const opts = (values: string[]) => values.map((value, i) => ({ id: 100 + i, value, sort: i }));

export const contactFields: CustomFieldDto[] = [
  field(3, 'Телефон', 'multitext', { code: 'PHONE', is_predefined: true }),
  field(4, 'Email', 'multitext', { code: 'EMAIL', is_predefined: true }),
  field(5, 'Должность', 'text', { code: 'POSITION', is_predefined: true }),
  field(6, 'Роль в сделке', 'select', { enums: opts(['ЛПР', 'Влияет', 'Пользователь']) }),
  field(7, 'Интересы', 'multiselect', { enums: opts(['Сервис', 'Поставка']) }),
  field(8, 'День рождения', 'birthday'),
  field(9, 'Скидка', 'numeric'),
];

export const leadFields: CustomFieldDto[] = [
  field(1, 'Источник', 'select', { enums: opts(['Сайт', 'Звонок']) }),
  field(20, 'utm_source', 'tracking_data'),
];

/** Contacts schema with existing contacts holding one phone and one email. */
export function contactSchema(extra: Partial<PreflightSchema> = {}): PreflightSchema {
  return {
    fields: contactFields,
    users,
    pipelines,
    existing: { phones: new Set(['9990001122']), emails: new Set(['old@client.ru']) },
    ...extra,
  };
}

export function leadSchema(): PreflightSchema {
  return { fields: leadFields, users, pipelines };
}

/** CSV bytes (UTF-8) from rows joined with `;`. */
export function csv(rows: string[][], delimiter = ';'): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(delimiter)).join('\r\n'));
}

/** A hand-made xlsx with inline strings (no shared strings part) and a styles part with date formats. */
export async function inlineXlsx(sheetXml: string, styles?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/data.xml',
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
  );
  if (styles) zip.file('xl/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
