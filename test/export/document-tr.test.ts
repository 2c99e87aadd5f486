import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import tr from '../../i18n/tr.json';
import { buildConfigurationDocument } from '../../src/export/document';
import { reportToMarkdown } from '../../src/export/markdown';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { makeReport, makeSnapshot } from './fixtures';

const tTr = createTranslator(tr as Dictionary, 'tr');

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

describe('the documents in Turkish', () => {
  it('writes the configuration document with tr sheet titles and headers', async () => {
    const bytes = await buildConfigurationDocument({
      report: makeReport(),
      snapshot: makeSnapshot(),
      lang: 'tr',
      t: tTr,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Özet',
      'Bulgular',
      'Alanlar',
      'Satış takip hatları',
      'Zorunluluk matrisi',
      'Kayıp nedenleri',
      'Kullanıcılar ve haklar',
      'Roller',
      'Kanallar',
      'Form eşlemesi',
      'CRM alanları',
      'Elle kontrol listesi',
    ]);
    // Excel refuses sheet names over 31 characters.
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(headers(wb.getWorksheet('Alanlar')!).slice(0, 4)).toEqual(['Varlık', 'Alan kimliği', 'Ad', 'Tür']);
    expect(headers(wb.getWorksheet('Kullanıcılar ve haklar')!)).toContain('Müşteri adayları: dışa aktarma');
    const stageKinds = [2, 3, 4, 5, 6].map((r) => wb.getWorksheet('Satış takip hatları')!.getRow(r).getCell(7).value);
    expect(stageKinds).toContain('Gelen müşteri adayları');
  });

  it('writes the Markdown report in tr', () => {
    const md = reportToMarkdown(makeReport(), tTr);
    expect(md).toContain('Kurulum denetimi:');
    expect(md).not.toMatch(/\b(rules|items|export|areas)\.[a-z]/);
  });
});
