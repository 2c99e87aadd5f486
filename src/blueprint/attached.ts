/**
 * The document an audit is compared with: a signed-off set-up (its differences are drift: "… drifted
 * from the set-up signed off on <date> by <who>"), or a document applied in the panel just now (its
 * differences read as not matching that document). The orchestrator attaches its `blueprint-*` results
 * to every report while it is set.
 */
import type { SignedOff } from './signed-off';
import type { Blueprint } from './types';

/** A document the audits compare with. */
export interface AttachedDocument {
  document: Blueprint;
  /** The file name it came from ('' when unknown). */
  name: string;
  /** Set when it is the signed-off set-up: its results are drift. */
  signedOff: Pick<SignedOff, 'signedAt' | 'by'> | null;
}

/** The signed-off set-up as the document audits compare with. */
export function attachSignedOff(signed: SignedOff): AttachedDocument {
  return {
    document: signed.document,
    name: signed.source ?? '',
    signedOff: { signedAt: signed.signedAt, by: signed.by },
  };
}

/** The day a sign-off was made, as text every language reads alike (YYYY-MM-DD). */
export function signedOffDay(signedAt: string): string {
  return signedAt.slice(0, 10);
}
