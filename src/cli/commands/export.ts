import { configurationDocument } from '../../runner/documents';
import { localDocumentEngine } from '../../runner/document-engine-local';
import { ACCOUNT_OPTIONS, langFlag, parseFlags } from '../args';
import { connect, resolveBaseUrl } from '../connect';
import { dictionaryFor, translatorFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';
import { progressLine } from '../progress';

/** `setup-audit export --out FILE.xlsx`: the configuration document of the account. */
export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { ...ACCOUNT_OPTIONS, out: { type: 'string' } });
  if (!values.out) throw usageError('--out FILE.xlsx is required');
  if (!/\.xlsx$/i.test(values.out)) throw usageError('--out must name an .xlsx file');
  const lang = langFlag(values.lang, io.env);
  const t = translatorFor(lang);
  resolveBaseUrl(values);
  const client = connect(values, io);
  const progress = progressLine(io, t);
  const bytes = await configurationDocument(localDocumentEngine, {
    client,
    baseline: baselineFrom(io, values.baseline),
    lang,
    dict: dictionaryFor(lang),
    onProgress: progress.update,
  });
  progress.done();
  io.writeFile(values.out, bytes);
  io.stderr(`${t('cli.written', { file: values.out })}\n`);
  return EXIT.ok;
}
