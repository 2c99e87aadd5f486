import type { Report } from '../../audit/types';
import { documentFileName } from '../../export/file-name';
import { reportToJson } from '../../export/json';
import { reportToMarkdown } from '../../export/markdown';
import { auditAccount, auditSnapshot } from '../../runner/audit';
import { serializeSnapshot } from '../../snapshot/serialize';
import type { Snapshot } from '../../snapshot/types';
import { openAccount } from '../account';
import { choiceFlag, exclusive, numberFlag, parseFlags } from '../args';
import { dictionaryFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { settingFrom, snapshotFrom } from '../load';
import { progressLine } from '../progress';
import { accountStateKey, requestCountsFile } from '../request-counts';
import { requestCountsPath, stateAllowed } from '../state-location';
import { assertReachable } from '../reachable';
import { renderText } from '../render/text';
import { blueprintResults, withResults } from '../../blueprint/results';
import { attachSignedOff } from '../../blueprint/attached';
import { documentResults } from '../../blueprint/drift';
import { loadBlueprint } from './blueprint-io';
import { SPECS } from '../specs';
import { gateOf } from './gate';
import type { RunContext } from './index';

const FORMATS = ['text', 'json', 'md', 'xlsx'] as const;

/** `setup-audit audit`: gather (or load) a snapshot, audit it, print or write the report. */
export async function auditCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.audit.flags);
  // A snapshot is the account as it was: an account flag beside it would be silently ignored.
  exclusive(values, 'snapshot', ['base-url', 'subdomain', 'domain']);
  const format = choiceFlag('format', values.format, FORMATS) ?? 'text';
  const failUnder = numberFlag('fail-under', values['fail-under'], 0, 100);
  if (values['allow-incomplete'] && failUnder === undefined)
    throw usageError('flagNeedsFlag', { flag: '--allow-incomplete', needs: '--fail-under' });
  const { baseline, signedOff } = settingFrom(io, values.baseline);
  const settings = { baseline, lang, dict: dictionaryFor(lang) };
  // The document is read before the account, so a broken one costs no requests.
  const blueprint = values.blueprint ? await loadBlueprint(io, t, values.blueprint) : null;

  // Checked before the account is asked anything, like every other usage error.
  const countsPath = stateAllowed(values['no-state'], io.env) ? requestCountsPath(io.env) : null;

  let snapshot: Snapshot;
  let report: Report;
  if (values.snapshot) {
    snapshot = snapshotFrom(io, values.snapshot);
    report = auditSnapshot(snapshot, settings);
  } else {
    const { client, baseUrl, account } = await openAccount(values, io);
    const counts = countsPath ? requestCountsFile(countsPath) : null;
    const key = accountStateKey(baseUrl, account.id);
    // A file that cannot be read only costs the estimate (there is no --verbose to say so).
    const kept = counts?.load(key);
    const progress = progressLine(io, t, lang);
    const result = await auditAccount({
      ...settings,
      client,
      baseUrl,
      onProgress: progress.update,
      previous: kept?.ok ? (kept.kept?.requestsByPart ?? null) : null,
      extraParts: format === 'xlsx' || blueprint || signedOff ? ['fieldGroups'] : [],
    });
    progress.done();
    assertReachable(result.snapshot, baseUrl);
    ({ snapshot, report } = result);
    const byPart = snapshot.requests.byPart ?? {};
    // Only a gathering that reached the account's data is worth estimating from; a failed save loses just that.
    if (counts && Object.keys(byPart).length > 0)
      counts.save(key, { takenAt: snapshot.takenAt, requestsByPart: byPart });
  }
  // --blueprint names the document to compare with; otherwise a signed-off set-up in the setting is, as drift.
  if (blueprint) report = withResults(report, blueprintResults(blueprint, snapshot, t), t);
  else if (signedOff) report = withResults(report, documentResults(attachSignedOff(signedOff), snapshot, t), t);
  if (values['save-snapshot']) io.writeFile(values['save-snapshot'], serializeSnapshot(snapshot));

  if (format === 'xlsx') {
    const { buildConfigurationDocument } = await import('../../export/document');
    const out = values.out ?? documentFileName(report.account.subdomain, new Date(), 'xlsx');
    io.writeFile(out, await buildConfigurationDocument({ report, snapshot, lang, t }));
    io.stderr(`${t('cli.written', { file: out })}\n`);
  } else {
    const text =
      format === 'json'
        ? reportToJson(report)
        : format === 'md'
          ? reportToMarkdown(report, t)
          : renderText(report, t, io.isTTY && !values.out && !io.env.NO_COLOR);
    if (values.out) {
      io.writeFile(values.out, text);
      io.stderr(`${t('cli.written', { file: values.out })}\n`);
    } else io.stdout(text);
  }
  if (failUnder === undefined) return EXIT.ok;
  const gate = gateOf(report, failUnder, values['allow-incomplete'] ?? false);
  if (gate.passed) return EXIT.ok;
  io.stderr(`${t(gate.message.key, gate.message.params)}\n`);
  return EXIT.failed;
}
