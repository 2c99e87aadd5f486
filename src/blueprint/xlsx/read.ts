/**
 * The configuration document's XLSX read back into a Blueprint. Sheets are found by their tab names and
 * columns by their headers, in either language, so reordered columns and a document written in the other
 * language both read. Tolerates what spreadsheet programs write (shared or inline strings, numbers for
 * numeric-looking text, trailing blank rows); refuses a broken value with its sheet, row and column.
 */
import JSZip from 'jszip';
import { normalizeName } from '../../audit/normalize';
import { readCentralDirectory, ZipFormatError } from '../../preflight/input/zip-directory';
import { NotAWorkbookError, readAllSheets, type NamedSheet } from '../../preflight/input/xlsx-read';
import type { DocumentProblem, ReadResult } from '../problems';
import { BLUEPRINT_SCHEMA, type Blueprint, type PlanningItem } from '../types';
import { labelsOf, type DocumentDictionaries, type Labels } from './labels';
import { readFields } from './sheet-fields';
import { readMatrix, readPipelines } from './sheet-pipelines';
import { readLossReasons, readRoles } from './sheet-roles';
import { readPlanning } from './sheet-planning';
import { tableOf, type SheetTable } from './table';

/** Most rows read per sheet: far above any real set-up, low enough to refuse a runaway file quickly. */
const MAX_ROWS = 20_000;
/** Largest document accepted, inflated (zip-bomb guard on the declared sizes). */
const MAX_INFLATED = 100 * 1024 * 1024;

/** The sheet of that document name (`export.sheet.<key>`), in either language. */
function sheetNamed(sheets: NamedSheet[], labels: Labels, key: string): SheetTable | null {
  const names = labels.all(`export.sheet.${key}`);
  const sheet = sheets.find((s) => names.includes(normalizeName(s.name)));
  return sheet ? tableOf(sheet) : null;
}

function refuse(key: string): ReadResult<Blueprint> {
  return { ok: false, problems: [{ message: { key: `blueprint.read.${key}` } }] };
}

/** Reads the document's XLSX bytes. */
export async function blueprintFromXlsx(
  bytes: Uint8Array,
  dicts: DocumentDictionaries,
): Promise<ReadResult<Blueprint>> {
  let sheets: NamedSheet[];
  try {
    const entries = readCentralDirectory(bytes);
    if (entries.some((e) => e.encrypted)) return refuse('encrypted');
    if (entries.reduce((s, e) => s + e.uncompressed, 0) > MAX_INFLATED) return refuse('tooLarge');
    sheets = await readAllSheets(await JSZip.loadAsync(bytes, { checkCRC32: true }), { stopAfter: MAX_ROWS });
  } catch (err) {
    if (err instanceof ZipFormatError || err instanceof NotAWorkbookError) return refuse('notWorkbook');
    return refuse('corrupt');
  }
  if (sheets.some((s) => s.more)) return refuse('tooManyRows');
  const labels = labelsOf(dicts);
  const problems: DocumentProblem[] = [];
  const fieldsSheet = sheetNamed(sheets, labels, 'fields');
  const pipelinesSheet = sheetNamed(sheets, labels, 'pipelines');
  const rolesSheet = sheetNamed(sheets, labels, 'roles');
  if (!fieldsSheet && !pipelinesSheet && !rolesSheet) return refuse('notDocument');
  const fields = fieldsSheet ? readFields(fieldsSheet, labels, problems) : [];
  const { pipelines, stageLabels } = pipelinesSheet
    ? readPipelines(pipelinesSheet, labels, problems)
    : { pipelines: [], stageLabels: new Map() };
  const matrix = sheetNamed(sheets, labels, 'matrix');
  const required = matrix ? readMatrix(matrix, labels, stageLabels, problems) : [];
  const roles = rolesSheet ? readRoles(rolesSheet, labels, problems) : [];
  const loss = sheetNamed(sheets, labels, 'lossReasons');
  const lossReasons = loss ? readLossReasons(loss, labels, problems) : null;
  const planning: PlanningItem[] = readPlanning(
    {
      users: sheetNamed(sheets, labels, 'users'),
      channels: sheetNamed(sheets, labels, 'channels'),
      forms: sheetNamed(sheets, labels, 'formMapping'),
    },
    labels,
  );
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { schemaVersion: BLUEPRINT_SCHEMA, fields, pipelines, required, roles, lossReasons, planning },
  };
}
