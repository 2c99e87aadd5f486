/**
 * Which account pipeline each document pipeline is: the document's main one is the account's main one
 * whatever their names, the others match by normalised name. Archived document pipelines are not acted on.
 */
import type { PipelineDto, StatusDto } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { LOST, WON } from '../stages';
import type { BlueprintPipeline } from '../types';

/** The pipelines a document acts on (not archived), main first as the document orders them. */
export function activePipelines(doc: BlueprintPipeline[]): BlueprintPipeline[] {
  return doc.filter((p) => !p.archived);
}

/** The document's main pipeline: the one marked main, else the first. */
export function docMain(doc: BlueprintPipeline[]): BlueprintPipeline | undefined {
  const active = activePipelines(doc);
  return active.find((p) => p.main) ?? active[0];
}

/** Document pipeline → account pipeline (undefined: the account has none; it is created). */
export function matchPipelines(
  doc: BlueprintPipeline[],
  account: PipelineDto[],
): Map<BlueprintPipeline, PipelineDto | undefined> {
  const out = new Map<BlueprintPipeline, PipelineDto | undefined>();
  const used = new Set<PipelineDto>();
  const main = docMain(doc);
  const accountMain = account.find((p) => p.is_main);
  if (main && accountMain) {
    out.set(main, accountMain);
    used.add(accountMain);
  }
  for (const p of activePipelines(doc)) {
    if (out.has(p)) continue;
    const n = normalizeName(p.name);
    const hit = account.find((a) => !used.has(a) && normalizeName(a.name) === n);
    if (hit) used.add(hit);
    out.set(p, hit);
  }
  return out;
}

/** The account status a document stage name means in a matched pipeline (142/143 by the document's names). */
export function resolveStage(doc: BlueprintPipeline, account: PipelineDto, stage: string): StatusDto | undefined {
  const n = normalizeName(stage);
  const statuses = account._embedded.statuses;
  if (n === normalizeName(doc.won)) return statuses.find((s) => s.id === WON);
  if (n === normalizeName(doc.lost)) return statuses.find((s) => s.id === LOST);
  return statuses.find((s) => s.id !== WON && s.id !== LOST && normalizeName(s.name) === n);
}
