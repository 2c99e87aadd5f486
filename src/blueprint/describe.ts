/** Plan messages as text: entity codes and rights keys inside their params are put into words too. */
import type { Message } from '../audit/types';
import type { Translate } from '../i18n/translate';
import type { DocumentProblem } from './problems';

function rightWords(t: Translate, keys: string): string {
  return keys
    .split(', ')
    .map((k) => {
      const [entity, action] = k.split('.');
      if (entity && action && entity !== 'tasks') {
        return t('export.rightColumn', { entity: t(`export.entity.${entity}`), action: t(`export.action.${action}`) });
      }
      return t(`blueprint.right.${k.replace('.', '-')}`);
    })
    .join(', ');
}

/** One plan message (op summary, by-hand step or difference) as a sentence. */
export function describeMessage(m: Message, t: Translate): string {
  const params = { ...(m.params ?? {}) };
  if (typeof params['entity'] === 'string') params['entity'] = t(`export.entity.${params['entity']}`);
  if (typeof params['changes'] === 'string') params['changes'] = rightWords(t, params['changes']);
  return t(m.key, params);
}

/** Where a document problem is, and what, as one line. */
export function describeProblem(p: DocumentProblem, t: Translate): string {
  const where = p.path
    ? t('blueprint.read.atPath', { path: p.path })
    : t('blueprint.read.atCell', { sheet: p.sheet ?? '', row: p.row ?? 0, column: p.column ?? '' });
  return `${where}: ${t(p.message.key, p.message.params)}`;
}
