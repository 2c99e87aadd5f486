/** The `blueprint-*` results of the attached document; worded as drift when it is the signed-off set-up. */
import type { AuditResult } from '../audit/types';
import type { Translate } from '../i18n/translate';
import type { Snapshot } from '../snapshot/types';
import { signedOffDay, type AttachedDocument } from './attached';
import { blueprintResults, type ResultsFace } from './results';

/**
 * The five results for a snapshot; with a sign-off their titles and reasons name its date and signer.
 * `face` chooses whose steps the "how to" of a document's results names (the CLI's commands by default).
 */
export function documentResults(
  attached: AttachedDocument,
  snapshot: Snapshot,
  t: Translate,
  face: ResultsFace = 'cli',
): AuditResult[] {
  const results = blueprintResults(attached.document, snapshot, t, face);
  const signed = attached.signedOff;
  if (!signed) return results;
  const params = { date: signedOffDay(signed.signedAt), by: signed.by };
  return results.map((r) => ({
    ...r,
    keys: {
      ...r.keys,
      title: { key: r.keys.title.key.replace(/^blueprint\.result\./, 'blueprint.drift.'), params },
      why: { key: 'blueprint.drift.why', params },
      howTo: { key: 'blueprint.drift.howTo' },
    },
  }));
}
