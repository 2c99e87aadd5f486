/** The baseline's fields as the account holds them, and as a fix creates them. */
import type { CustomFieldDto, RequiredStatusDto } from '../api/dto';
import type { BaselineField } from '../audit/baseline/types';
import { LIST_FIELD_TYPES } from '../audit/baseline/types';
import { normalizeName } from '../audit/normalize';
import { isListField, isSourceField } from '../audit/terms';
import type { Lang } from '../i18n/translate';
import type { NewField } from './ops';

/**
 * The account's field standing for a baseline field: same entity and the baseline's name in any
 * language; for the lead source, any list field the lead-source rule would accept.
 */
export function findBaselineField(fields: readonly CustomFieldDto[], bf: BaselineField): CustomFieldDto | undefined {
  const names = [bf.name.ru, bf.name.en, bf.name.pt].map(normalizeName);
  const byName = fields.find(
    (f) => names.includes(normalizeName(f.name)) && (!LIST_FIELD_TYPES.includes(bf.type) || isListField(f)),
  );
  if (byName || bf.purpose !== 'lead-source') return byName;
  return fields.find(isSourceField);
}

/** The POST body of a baseline field with names in `lang`. */
export function newFieldBody(bf: BaselineField, lang: Lang, required?: RequiredStatusDto[]): NewField {
  const body: NewField = { name: bf.name[lang], type: bf.type };
  if (bf.options?.length) body.enums = bf.options.map((o, i) => ({ value: o[lang], sort: (i + 1) * 10 }));
  if (required?.length) body.required_statuses = required;
  return body;
}

/** The options of a baseline field, listed for a summary. */
export function optionList(bf: BaselineField, lang: Lang): string {
  return (bf.options ?? []).map((o) => o[lang]).join(', ');
}
