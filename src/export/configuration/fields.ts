import type { CustomFieldDto, FieldGroupDto, PipelineDto } from '../../api/dto';
import { FIELD_PARTS, type GroupsByEntity } from '../../snapshot/types';
import type { SheetSpec, CellValue } from '../xlsx/types';
import type { DocContext } from './context';
import { col, tOr, failureText, yesNo } from './context';

/** "Pipeline: Stage" for a required_statuses entry; unknown ids are shown as ids. */
export function stageLabel(pipelines: PipelineDto[], pipelineId: number, statusId: number): string {
  const p = pipelines.find((x) => x.id === pipelineId);
  const s = p?._embedded.statuses.find((x) => x.id === statusId);
  return `${p?.name ?? `#${pipelineId}`}: ${s?.name ?? `#${statusId}`}`;
}

function groupName(groups: FieldGroupDto[] | undefined, id: string | null): string {
  if (!id) return '';
  return groups?.find((g) => g.id === id)?.name ?? id;
}

/** Fields: every field of leads, contacts and companies with options and required stages. */
export function fieldsSheet(ctx: DocContext): SheetSpec {
  const { snapshot, t } = ctx;
  const columns = [
    col(t, 'entity', 14),
    col(t, 'fieldId', 10),
    col(t, 'name', 30),
    col(t, 'type', 16),
    col(t, 'code', 16),
    col(t, 'group', 20),
    col(t, 'predefined', 12),
    col(t, 'options', 40, true),
    col(t, 'requiredAt', 40, true),
  ];
  const parts = snapshot.parts;
  const pipelines = 'data' in parts.pipelines ? parts.pipelines.data : [];
  const groups: GroupsByEntity | undefined =
    parts.fieldGroups && 'data' in parts.fieldGroups ? parts.fieldGroups.data : undefined;
  const rows: CellValue[][] = [];
  for (const { entity, part } of FIELD_PARTS) {
    const p = parts[part];
    const label = t(`export.entity.${entity}`);
    if ('error' in p) {
      rows.push([label, null, failureText(t, part, p.error)]);
      continue;
    }
    for (const f of [...p.data].sort((a, b) => a.sort - b.sort || a.id - b.id)) {
      rows.push(fieldRow(ctx, label, f, groups?.[entity], pipelines));
    }
  }
  return { name: t('export.sheet.fields'), columns, rows };
}

function fieldRow(
  ctx: DocContext,
  entity: string,
  f: CustomFieldDto,
  groups: FieldGroupDto[] | undefined,
  pipelines: PipelineDto[],
): CellValue[] {
  const { t } = ctx;
  const options = (f.enums ?? [])
    .slice()
    .sort((a, b) => a.sort - b.sort)
    .map((e) => e.value)
    .join('\n');
  const required = (f.required_statuses ?? []).map((r) => stageLabel(pipelines, r.pipeline_id, r.status_id)).join('\n');
  return [
    entity,
    f.id,
    f.name,
    tOr(t, `export.fieldType.${f.type}`, f.type),
    f.code ?? '',
    groupName(groups, f.group_id),
    yesNo(t, f.is_predefined),
    options,
    required,
  ];
}
