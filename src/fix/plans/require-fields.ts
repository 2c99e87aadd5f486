/**
 * Making a baseline field required at some stages: PATCH the account's matching field (adding to
 * its stages, one op per pipeline) or, when the account has none, POST it with `required_statuses`
 * in the body (documented for POST), so no second op needs the new field's id.
 */
import type { CustomFieldDto, PipelineDto, RequiredStatusDto } from '../../api/dto';
import type { BaselineField } from '../../audit/baseline/types';
import type { Lang } from '../../i18n/translate';
import { createField, patchRequiredStatuses } from '../ops';
import type { Op } from '../types';
import { entriesOf, entryExists, newFieldBody, optionList, quoted, sameEntry, stageName } from './shared';

/** «A», «B» — «Sales»; «C» — «Partners»: stages grouped by pipeline for one summary line. */
function stagesByPipeline(entries: readonly RequiredStatusDto[], pipelines: readonly PipelineDto[]): string {
  const ids = [...new Set(entries.map((e) => e.pipeline_id))];
  return ids
    .map((pid) => {
      const here = entries.filter((e) => e.pipeline_id === pid);
      const name = pipelines.find((p) => p.id === pid)?.name ?? `#${pid}`;
      return `${quoted(here.map((e) => stageName(pipelines, e)))} — «${name}»`;
    })
    .join('; ');
}

/** Ops making `bf` (the account's `existing` field, if any) required at `add`. */
export function requireFieldOps(
  bf: BaselineField,
  existing: CustomFieldDto | undefined,
  add: readonly RequiredStatusDto[],
  pipelines: readonly PipelineDto[],
  lang: Lang,
): Op[] {
  if (add.length === 0) return [];
  if (!existing) {
    const options = optionList(bf, lang);
    return [
      createField(bf.entity, newFieldBody(bf, lang, [...add]), {
        key: options ? 'fix.op.createListFieldRequired' : 'fix.op.createFieldRequired',
        params: { field: bf.name[lang], options, stages: stagesByPipeline(add, pipelines), count: add.length },
      }),
    ];
  }
  const ops: Op[] = [];
  // Entries naming vanished stages would make the API refuse the whole PATCH.
  let current = entriesOf(existing).filter((rs) => entryExists(pipelines, rs));
  const stale = entriesOf(existing).length !== current.length;
  for (const pid of [...new Set(add.map((e) => e.pipeline_id))]) {
    const here = add.filter((e) => e.pipeline_id === pid && !current.some((rs) => sameEntry(rs, e)));
    if (here.length === 0) continue;
    const next = [...current, ...here];
    const base =
      ops.length === 0
        ? { ...existing, required_statuses: entriesOf(existing) }
        : { ...existing, required_statuses: current };
    ops.push(
      patchRequiredStatuses(
        bf.entity,
        base,
        next,
        {
          key: 'fix.op.requiredAdded',
          params: {
            field: existing.name,
            stages: quoted(here.map((e) => stageName(pipelines, e))),
            pipeline: pipelines.find((p) => p.id === pid)?.name ?? `#${pid}`,
            count: here.length,
          },
        },
        ops.length === 0 && stale ? current : undefined,
      ),
    );
    current = next;
  }
  return ops;
}
