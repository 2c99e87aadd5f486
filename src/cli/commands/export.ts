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
import type { RunContext } from './index';

/** `setup-audit export [--out FILE.xlsx]`: the configuration document of the account. */
export async function exportCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.export.flags);
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) throw usageError('outXlsx', { flag: '--out' });
  const baseline = baselineFrom(io, values.baseline);
  const { client, account } = await openAccount(values, io);
  const progress = progressLine(io, t, lang);
  const bytes = await configurationDocument(localDocumentEngine, {
    client,
    baseline,
    lang,
    dict: dictionaryFor(lang),
    onProgress: progress.update,
  });
  progress.done();
  const out = values.out ?? documentFileName(account.subdomain, new Date(), 'xlsx');
  io.writeFile(out, bytes);
  io.stderr(`${t('cli.written', { file: out })}\n`);
  return EXIT.ok;
}
