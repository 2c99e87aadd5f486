import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import pt from '../../i18n/pt.json';
import { buildConfigurationDocument } from '../../src/export/document';
import { reportToMarkdown } from '../../src/export/markdown';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { makeReport, makeSnapshot } from './fixtures';

const tPt = createTranslator(pt as Dictionary, 'pt');

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

describe('the documents in Portuguese (Brazil)', () => {
  it('writes the configuration document with pt sheet titles and headers', async () => {
    const bytes = await buildConfigurationDocument({
      report: makeReport(),
      snapshot: makeSnapshot(),
      lang: 'pt',
      t: tPt,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumo',
      'Resultados',
      'Campos',
      'Funis',
      'Matriz de obrigatórios',
      'Motivos de perda',
      'Usuários e permissões',
      'Funções',
      'Canais',
      'Mapeamento de formulários',
      'Campos do CRM',
      'Checklist manual',
    ]);
    // Excel refuses sheet names over 31 characters.
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(headers(wb.getWorksheet('Campos')!).slice(0, 4)).toEqual(['Entidade', 'Id do campo', 'Nome', 'Tipo']);
    expect(headers(wb.getWorksheet('Usuários e permissões')!)).toContain('Leads: exportar');
    const stageKinds = [2, 3, 4, 5, 6].map((r) => wb.getWorksheet('Funis')!.getRow(r).getCell(7).value);
    expect(stageKinds).toContain('Leads de Entrada');
  });

  it('writes the Markdown report in pt', () => {
    const md = reportToMarkdown(makeReport(), tPt);
    expect(md).toContain('Auditoria de configuração:');
    expect(md).not.toMatch(/\b(rules|items|export|areas)\.[a-z]/);
  });
});
