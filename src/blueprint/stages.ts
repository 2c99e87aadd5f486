/** A pipeline's stages by kind (checklist terms: working stages are type 0 other than 142/143, in sort order). */
import type { PipelineDto, StatusDto } from '../api/dto';

/** Won, the same id in every pipeline. */
export const WON = 142;
/** Lost, the same id in every pipeline. */
export const LOST = 143;

/** The stages of a pipeline by kind. */
export interface PipelineStages {
  unsorted: StatusDto | undefined;
  working: StatusDto[];
  won: StatusDto | undefined;
  lost: StatusDto | undefined;
}

/** Splits a pipeline's statuses into unsorted, working (sorted), won and lost. */
export function stagesOf(p: PipelineDto): PipelineStages {
  const all = p._embedded.statuses;
  return {
    unsorted: all.find((s) => s.type === 1),
    working: all.filter((s) => s.type === 0 && s.id !== WON && s.id !== LOST).sort((a, b) => a.sort - b.sort),
    won: all.find((s) => s.id === WON),
    lost: all.find((s) => s.id === LOST),
  };
}
