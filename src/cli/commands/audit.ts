import { buildConfigurationDocument } from '../../export/document';
import { reportToJson } from '../../export/json';
import { reportToMarkdown } from '../../export/markdown';
import { auditAccount, auditSnapshot } from '../../runner/audit';
import { serializeSnapshot } from '../../snapshot/serialize';
import type { Snapshot } from '../../snapshot/types';
import type { Report } from '../../audit/types';
import { ACCOUNT_OPTIONS, langFlag, numberFlag, parseFlags } from '../args';
import { connect, resolveBaseUrl } from '../connect';
import { dictionaryFor, translatorFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom, snapshotFrom } from '../load';
import { progressLine } from '../progress';
import { assertReachable } from '../reachable';
import { renderText } from '../render/text';

const FORMATS = ['text', 'json', 'md', 'xlsx'] as const;

/** `setup-audit audit`: gather (or load) a snapshot, audit it, print or write the report. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, {
    ...ACCOUNT_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    snapshot: { type: 'string' },
    'save-snapshot': { type: 'string' },
    'fail-under': { type: 'string' },
  });
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw usageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
  if (format === 'xlsx' && !values.out) throw usageError('--format xlsx needs --out FILE.xlsx');
  const failUnder = numberFlag('fail-under', values['fail-under'], 0, 100);
  const lang = langFlag(values.lang, io.env);
  const t = translatorFor(lang);
  const settings = { baseline: baselineFrom(io, values.baseline), lang, dict: dictionaryFor(lang) };

  let snapshot: Snapshot;
  let report: Report;
  if (values.snapshot) {
    snapshot = snapshotFrom(io, values.snapshot);
    report = auditSnapshot(snapshot, settings);
  } else {
    const baseUrl = resolveBaseUrl(values);
    const client = connect(values, io);
    const progress = progressLine(io, t);
    const result = await auditAccount({
      ...settings,
      client,
      baseUrl,
      onProgress: progress.update,
      extraParts: format === 'xlsx' ? ['fieldGroups'] : [],
    });
    progress.done();
    assertReachable(result.snapshot, baseUrl);
    ({ snapshot, report } = result);
  }
  if (values['save-snapshot']) io.writeFile(values['save-snapshot'], serializeSnapshot(snapshot));

  if (format === 'xlsx') {
    io.writeFile(values.out!, await buildConfigurationDocument({ report, snapshot, lang, t }));
    io.stderr(`${t('cli.written', { file: values.out! })}\n`);
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
  if (failUnder !== undefined && (report.score ?? 0) < failUnder) {
    io.stderr(`${t('cli.belowThreshold', { score: report.score ?? '—', threshold: failUnder })}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
