/**
 * The Pipelines sheet (one row per stage, pipelines in row order; the stage kind says which rows are the
 * incoming-leads stage and 142/143) and the Required matrix (fields × "Pipeline: Stage" columns, a mark
 * where the field is required). Matrix headers are matched against the stages the Pipelines sheet names.
 */
import { normalizeName } from '../../audit/normalize';
import type { DocumentProblem } from '../problems';
import type { BlueprintPipeline, BlueprintRequired } from '../types';
import type { Labels } from './labels';
import { cellText, columnLetter, columns, type SheetTable } from './table';

const KINDS = ['unsorted', 'working', 'won', 'lost'] as const;

/** Matrix header text (normalised) → the pipeline and stage it names. */
export type StageLabels = Map<string, { pipeline: string; stage: string }>;

/** Reads the pipelines and the "Pipeline: Stage" labels the matrix may use. */
export function readPipelines(
  table: SheetTable,
  labels: Labels,
  problems: DocumentProblem[],
): { pipelines: BlueprintPipeline[]; stageLabels: StageLabels } {
  const c = columns(
    table,
    labels,
    {
      pipeline: { key: 'export.col.pipeline' },
      main: { key: 'export.col.main' },
      archived: { key: 'export.col.archived' },
      stage: { key: 'export.col.stage' },
      order: { key: 'export.col.order' },
      kind: { key: 'export.col.stageKind' },
    },
    ['pipeline', 'stage'],
    problems,
  );
  const stageLabels: StageLabels = new Map();
  if (c.pipeline === undefined || c.stage === undefined) return { pipelines: [], stageLabels };
  const byName = new Map<
    string,
    { p: BlueprintPipeline; working: { name: string; order: number | null; i: number }[] }
  >();
  let i = 0;
  for (const r of table.rows) {
    const at = (col: number | undefined) => (col === undefined ? '' : cellText(r.cells[col]));
    const name = at(c.pipeline);
    const stage = at(c.stage);
    if (name === '' && stage === '') continue;
    const bad = (col: number | undefined, key: string, value: string) =>
      problems.push({
        sheet: table.name,
        row: r.row,
        column: col === undefined ? '' : (table.headers[col] ?? columnLetter(col)),
        message: { key: `blueprint.read.${key}`, params: { value } },
      });
    if (name === '') {
      bad(c.pipeline, 'empty', stage);
      continue;
    }
    if (stage === '') {
      bad(c.stage, 'empty', name);
      continue;
    }
    const flag = (col: number | undefined) => {
      if (col === undefined) return false;
      const v = labels.yesNo(at(col));
      if (v === undefined) bad(col, 'yesNo', at(col));
      return v === true;
    };
    let entry = byName.get(normalizeName(name));
    if (!entry) {
      entry = {
        p: { name, main: flag(c.main), unsorted: false, archived: flag(c.archived), stages: [], won: '', lost: '' },
        working: [],
      };
      byName.set(normalizeName(name), entry);
    }
    const kindText = at(c.kind);
    const kind = kindText === '' ? 'working' : labels.code('export.stageKind', KINDS, kindText);
    if (!kind) {
      bad(c.kind, 'stageKind', kindText);
      continue;
    }
    stageLabels.set(normalizeName(`${name}: ${stage}`), { pipeline: entry.p.name, stage });
    if (kind === 'unsorted') entry.p.unsorted = true;
    else if (kind === 'won') entry.p.won = stage;
    else if (kind === 'lost') entry.p.lost = stage;
    else {
      const orderText = at(c.order);
      const order = orderText === '' ? null : Number(orderText);
      if (order !== null && !Number.isFinite(order)) bad(c.order, 'number', orderText);
      entry.working.push({ name: stage, order: order !== null && Number.isFinite(order) ? order : null, i: i++ });
    }
  }
  const pipelines = [...byName.values()].map(({ p, working }) => {
    // The order column wins when every working row has one (a person renumbered); otherwise the row order.
    const numbered = working.every((w) => w.order !== null);
    const sorted = numbered ? [...working].sort((a, b) => a.order! - b.order! || a.i - b.i) : working;
    return { ...p, stages: sorted.map((w) => w.name) };
  });
  for (const p of pipelines) {
    if (!p.won || !p.lost) {
      problems.push({
        sheet: table.name,
        column: table.headers[c.kind ?? -1] ?? '',
        message: { key: 'blueprint.read.closedStages', params: { pipeline: p.name } },
      });
    }
  }
  return { pipelines, stageLabels };
}

/** Reads the required matrix: a marked cell = the row's field is required at the column's stage. */
export function readMatrix(
  table: SheetTable,
  labels: Labels,
  stageLabels: StageLabels,
  problems: DocumentProblem[],
): BlueprintRequired[] {
  const c = columns(
    table,
    labels,
    { entity: { key: 'export.col.entity' }, name: { key: 'export.col.name' } },
    ['entity', 'name'],
    problems,
  );
  if (c.entity === undefined || c.name === undefined) return [];
  const stageCols: { col: number; pipeline: string; stage: string }[] = [];
  table.headers.forEach((h, col) => {
    if (col === c.entity || col === c.name || h === '') return;
    const hit = stageLabels.get(normalizeName(h));
    if (hit) stageCols.push({ col, ...hit });
    else
      problems.push({
        sheet: table.name,
        row: table.headerRow,
        column: h,
        message: { key: 'blueprint.read.unknownStage', params: { value: h } },
      });
  });
  const out: BlueprintRequired[] = [];
  for (const r of table.rows) {
    const field = cellText(r.cells[c.name]);
    if (field === '') continue;
    const entity = labels.entity(cellText(r.cells[c.entity]));
    if (!entity) {
      problems.push({
        sheet: table.name,
        row: r.row,
        column: table.headers[c.entity] ?? '',
        message: { key: 'blueprint.read.entity', params: { value: cellText(r.cells[c.entity]) } },
      });
      continue;
    }
    for (const s of stageCols) {
      const mark = labels.yesNo(cellText(r.cells[s.col]));
      if (mark === undefined) {
        problems.push({
          sheet: table.name,
          row: r.row,
          column: table.headers[s.col] ?? columnLetter(s.col),
          message: { key: 'blueprint.read.mark', params: { value: cellText(r.cells[s.col]) } },
        });
      } else if (mark) out.push({ entity, field, pipeline: s.pipeline, stage: s.stage });
    }
  }
  return out;
}
