import type { CustomFieldDto, PipelineDto, StatusDto } from '../../api/dto';
import type { SheetSpec, CellValue } from '../xlsx/types';
import type { DocContext } from './context';
import { col, fromPart, yesNo } from './context';
import { FIELD_PARTS } from '../../snapshot/types';

/** Fields of all three entities that loaded, with their entity. */
export function loadedFields(ctx: DocContext): { entity: string; field: CustomFieldDto }[] {
  return FIELD_PARTS.flatMap(({ entity, part }) => {
    const p = ctx.snapshot.parts[part];
    return 'data' in p ? p.data.map((field) => ({ entity, field })) : [];
  });
}

/** Statuses of a pipeline in display order (unsorted first, then by sort). */
export function orderedStatuses(p: PipelineDto): StatusDto[] {
  return [...p._embedded.statuses].sort((a, b) => (b.type === 1 ? 1 : 0) - (a.type === 1 ? 1 : 0) || a.sort - b.sort);
}

function stageKind(s: StatusDto): string {
  if (s.type === 1) return 'unsorted';
  if (s.id === 142) return 'won';
  if (s.id === 143) return 'lost';
  return 'working';
}

/** Pipelines: one row per stage with its order, colour and the fields required there. */
export function pipelinesSheet(ctx: DocContext): SheetSpec {
  const { t } = ctx;
  const columns = [
    col(t, 'pipeline', 26),
    col(t, 'main', 10),
    col(t, 'archived', 10),
    col(t, 'stage', 28),
    col(t, 'stageId', 12),
    col(t, 'order', 8),
    col(t, 'stageKind', 16),
    col(t, 'colour', 12),
    col(t, 'requiredFields', 44, true),
  ];
  const fields = loadedFields(ctx);
  return fromPart(ctx, 'pipelines', ctx.snapshot.parts.pipelines, t('export.sheet.pipelines'), columns, (pipelines) => {
    const rows: CellValue[][] = [];
    for (const p of [...pipelines].sort((a, b) => a.sort - b.sort)) {
      orderedStatuses(p).forEach((s, i) => {
        const required = fields
          .filter(({ field }) =>
            (field.required_statuses ?? []).some((r) => r.status_id === s.id && r.pipeline_id === p.id),
          )
          .map(({ entity, field }) => `${t(`export.entity.${entity}`)}: ${field.name}`);
        rows.push([
          p.name,
          yesNo(t, p.is_main),
          yesNo(t, p.is_archive),
          s.name,
          s.id,
          i + 1,
          t(`export.stageKind.${stageKind(s)}`),
          s.color,
          required.join('\n'),
        ]);
      });
    }
    return rows;
  });
}

/** Required matrix: fields × stages of active pipelines, "✓" where the field is required. */
export function requiredMatrixSheet(ctx: DocContext): SheetSpec {
  const { t } = ctx;
  const base = [col(t, 'entity', 14), col(t, 'name', 30)];
  const part = ctx.snapshot.parts.pipelines;
  if ('error' in part) return fromPart(ctx, 'pipelines', part, t('export.sheet.matrix'), base, () => []);
  const stages = [...part.data]
    .filter((p) => !p.is_archive)
    .sort((a, b) => a.sort - b.sort)
    .flatMap((p) => orderedStatuses(p).map((s) => ({ p, s })));
  const columns = [...base, ...stages.map(({ p, s }) => ({ header: `${p.name}: ${s.name}`, width: 16 }))];
  const rows: CellValue[][] = loadedFields(ctx)
    .filter(({ field }) => field.type !== 'tracking_data')
    .map(({ entity, field }) => [
      t(`export.entity.${entity}`),
      field.name,
      ...stages.map(({ p, s }) =>
        (field.required_statuses ?? []).some((r) => r.pipeline_id === p.id && r.status_id === s.id) ? '✓' : '',
      ),
    ]);
  return { name: t('export.sheet.matrix'), columns, rows };
}
