import { OUTCOMES, type Outcome } from '../../audit/types';
import type { RightLetter, EntityRights } from '../../api/dto';
import type { Translate } from '../../i18n/translate';
import { tOr } from './context';

/** Outcome columns in the order a reader scans them. */
export const OUTCOME_ORDER: readonly Outcome[] = OUTCOMES;

/** Entities whose rights the document lists. */
import { RIGHT_ENTITIES } from '../../audit/terms';
export { RIGHT_ENTITIES };
/** Actions of an entity's rights. */
export const RIGHT_ACTIONS = ['view', 'edit', 'add', 'delete', 'export'] as const;

/** A rights letter in words ("A" → "All"); absent → empty. */
export function rightLabel(t: Translate, letter: RightLetter | undefined): string {
  return letter ? tOr(t, `export.right.${letter}`, letter) : '';
}

/** Headers of the 15 rights columns: "Leads: view" … */
export function rightHeaders(t: Translate): string[] {
  return RIGHT_ENTITIES.flatMap((e) =>
    RIGHT_ACTIONS.map((a) =>
      t('export.rightColumn', { entity: t(`export.entity.${e}`), action: t(`export.action.${a}`) }),
    ),
  );
}

/** Values of the 15 rights columns for a rights block. */
export function rightValues(
  t: Translate,
  rights: { leads?: EntityRights; contacts?: EntityRights; companies?: EntityRights },
): string[] {
  return RIGHT_ENTITIES.flatMap((e) => RIGHT_ACTIONS.map((a) => rightLabel(t, rights[e]?.[a])));
}
