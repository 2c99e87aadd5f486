/**
 * What a rule's `fix` gets besides its findings: the op builders (ESLint's `fixer`) and the language
 * of the names it writes. Handing over the builders module as it is keeps their signatures the
 * builders' own: a change there reaches every rule without a wrapper to keep in step.
 */
import type { Lang } from '../i18n/translate';
import * as builders from './ops';

/** The op builders of src/fix/ops.ts and the names' language. */
export type OpKit = typeof builders & {
  /** Language of every name the fix writes into the account (fields, options, stages). */
  readonly lang: Lang;
};

/** The kit for a fix writing names in `lang`. */
export function opKit(lang: Lang): OpKit {
  return Object.freeze({ ...builders, lang });
}
