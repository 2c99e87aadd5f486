import { lossReasonField, optionsOf } from '../../blueprint/capture';
import type { CellValue, SheetSpec } from '../xlsx/types';
import type { DocContext } from './context';
import { col, fromPart } from './context';

/**
 * Loss reasons: the leads field that records why a deal was lost, one reason per row. Applying the
 * document adds missing reasons as options and requires the field at «Closed - lost» in every pipeline.
 */
export function lossReasonsSheet(ctx: DocContext): SheetSpec {
  const { t, snapshot } = ctx;
  const columns = [col(t, 'lossField', 30), col(t, 'reason', 40)];
  return fromPart(ctx, 'leadFields', snapshot.parts.leadFields, t('export.sheet.lossReasons'), columns, (fields) => {
    const field = lossReasonField(fields);
    if (!field) return [];
    return optionsOf(field).map((reason): CellValue[] => [field.name, reason]);
  });
}
