import { basename } from 'node:path';
import { preflightToText } from '../../preflight/report';
import { documentFileName } from '../../export/file-name';
import type { ImportEntity } from '../../preflight/types';
import { DEFAULT_LIMITS, sizeProblem } from '../../preflight/limits';
import { fileRefused } from '../../preflight/preflight';
import { FileTooLargeError } from '../read-bounded';
import { localDocumentEngine } from '../../runner/document-engine-local';
import { importTemplate, preflightImport } from '../../runner/documents';
import { openAccount } from '../account';
import { choiceFlag, parseFlags } from '../args';
import { dictionaryFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom, readInput } from '../load';
import { SPECS } from '../specs';
import type { RunContext } from './index';

const ENTITIES: readonly ImportEntity[] = ['contacts', 'companies', 'leads'];

function entityFlag(value: string | undefined): ImportEntity {
  const entity = choiceFlag('entity', value, ENTITIES);
  if (!entity) throw usageError('flagRequired', { flag: '--entity', value: ENTITIES.join('|') });
  return entity;
}

/** `setup-audit preflight --file F --entity E`: check an import file against the live account; exit 1 on errors. */
export async function preflightCommand(argv: string[], io: CliIo, { t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.preflight.flags);
  const entity = entityFlag(values.entity);
  if (!values.file) throw usageError('flagRequired', { flag: '--file', value: 'import.xlsx|import.csv' });
  const baseline = baselineFrom(io, values.baseline);
  // The file first: a typo in its name is found before the account is asked anything.
  let file: Uint8Array;
  try {
    // Bounded: a 2 GB file or /dev/zero is refused on its size, never read whole.
    file = readInput(io, values.file, DEFAULT_LIMITS.maxBytes);
  } catch (err) {
    if (!(err instanceof FileTooLargeError)) throw err;
    const refused = fileRefused(entity, basename(values.file), sizeProblem(err.size ?? 'endless', DEFAULT_LIMITS)!);
    io.stdout(preflightToText(refused, t));
    return EXIT.failed;
  }
  const { client } = await openAccount(values, io);
  const result = await preflightImport(localDocumentEngine, {
    client,
    file,
    fileName: basename(values.file),
    entity,
    windowDays: baseline.thresholds.signalWindowDays,
    onProgress: (p) => {
      if (!io.stderrTTY) return;
      const text =
        p.stage === 'contacts'
          ? t('cli.preflightContacts', { count: p.contacts })
          : p.stage === 'rows'
            ? t('cli.preflightRows', { count: p.rows.done, total: p.rows.total })
            : t('cli.preflightSchema');
      io.stderr(`\r\x1b[K${text}`);
    },
  });
  if (io.stderrTTY) io.stderr('\r\x1b[K');
  io.stdout(preflightToText(result, t));
  if (values.csv) {
    io.writeFile(values.csv, localDocumentEngine.preflightToCsv(result, t));
    io.stderr(`${t('cli.written', { file: values.csv })}\n`);
  }
  return result.exitCode === 1 ? EXIT.failed : EXIT.ok;
}

/** `setup-audit template --entity E [--out FILE.xlsx]`: the import template with the account's exact names. */
export async function templateCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.template.flags);
  const entity = entityFlag(values.entity);
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) throw usageError('outXlsx', { flag: '--out' });
  const baseline = baselineFrom(io, values.baseline);
  const { client, account } = await openAccount(values, io);
  const bytes = await importTemplate(localDocumentEngine, {
    client,
    entity,
    lang,
    dict: dictionaryFor(lang),
    baseline,
    windowDays: baseline.thresholds.signalWindowDays,
  });
  const out = values.out ?? documentFileName(account.subdomain, new Date(), 'xlsx', `import-${entity}`);
  io.writeFile(out, bytes);
  io.stderr(`${t('cli.written', { file: out })}\n`);
  return EXIT.ok;
}
