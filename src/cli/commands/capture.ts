import { blueprintToJson } from '../../blueprint/json';
import { captureBlueprint } from '../../blueprint/capture';
import { documentFileName } from '../../export/file-name';
import { localDocumentEngine } from '../../runner/document-engine-local';
import { configurationDocument } from '../../runner/documents';
import { openAccount } from '../account';
import { parseFlags } from '../args';
import { dictionaryFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';
import { progressLine } from '../progress';
import { SPECS } from '../specs';
import { readAccount } from './blueprint-io';
import type { RunContext } from './index';

/**
 * `setup-audit capture [--out FILE.xlsx|.json]`: the account's configuration as the document. The XLSX is
 * the configuration document `export` writes (it is also the input of plan and apply); the JSON holds the
 * same configuration for set-ups kept in git.
 */
export async function captureCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.capture.flags);
  if (values.out !== undefined && !/\.(xlsx|json)$/i.test(values.out))
    throw usageError('captureOut', { flag: '--out' });
  const baseline = baselineFrom(io, values.baseline);
  const { client, baseUrl, account } = await openAccount(values, io);
  const out = values.out ?? documentFileName(account.subdomain, new Date(), 'xlsx');
  if (/\.json$/i.test(out)) {
    const snapshot = await readAccount(io, { t, lang }, client, baseUrl);
    io.writeFile(out, blueprintToJson(captureBlueprint(snapshot)));
  } else {
    const progress = progressLine(io, t, lang);
    const bytes = await configurationDocument(localDocumentEngine, {
      client,
      baseline,
      lang,
      dict: dictionaryFor(lang),
      onProgress: progress.update,
    });
    progress.done();
    io.writeFile(out, bytes);
  }
  io.stderr(`${t('cli.written', { file: out })}\n`);
  return EXIT.ok;
}
