import { basename } from 'node:path';
import { preflightToCsv, preflightToText } from '../../preflight/report';
import type { ImportEntity } from '../../preflight/types';
import { DEFAULT_LIMITS, sizeProblem } from '../../preflight/limits';
import { fileRefused } from '../../preflight/preflight';
import { FileTooLargeError } from '../read-bounded';
import { importTemplate, preflightImport } from '../../runner/documents';
import { localDocumentEngine } from '../../runner/document-engine-local';
import { ACCOUNT_OPTIONS, langFlag, parseFlags } from '../args';
import { connect } from '../connect';
import { dictionaryFor, translatorFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';

const ENTITIES: ImportEntity[] = ['contacts', 'companies', 'leads'];

function entityFlag(value: string | undefined): ImportEntity {
  if (!value) throw usageError(`--entity is required: ${ENTITIES.join(', ')}`);
  if (!ENTITIES.includes(value as ImportEntity))
    throw usageError(`--entity must be one of ${ENTITIES.join(', ')} (got "${value}")`);
  return value as ImportEntity;
}

/** `setup-audit preflight --file F --entity E`: check an import file against the live account; exit 1 on errors. */
export async function preflightCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, {
    ...ACCOUNT_OPTIONS,
    file: { type: 'string' },
    entity: { type: 'string' },
    csv: { type: 'string' },
  });
  const entity = entityFlag(values.entity);
  if (!values.file) throw usageError('--file import.xlsx|import.csv is required');
  const lang = langFlag(values.lang, io.env);
  const t = translatorFor(lang);
  let file: Uint8Array;
  try {
    // Bounded: a 2 GB file or /dev/zero is refused on its size, never read whole.
    file = io.readFile(values.file, DEFAULT_LIMITS.maxBytes);
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      const refused = fileRefused(entity, basename(values.file), sizeProblem(err.size ?? 'endless', DEFAULT_LIMITS)!);
      io.stdout(preflightToText(refused, t));
      return EXIT.failed;
    }
    throw usageError(`cannot read ${values.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const client = connect(values, io);
  const baseline = baselineFrom(io, values.baseline);
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
    io.writeFile(values.csv, preflightToCsv(result, t));
    io.stderr(`${t('cli.written', { file: values.csv })}\n`);
  }
  return result.exitCode === 1 ? EXIT.failed : EXIT.ok;
}

/** `setup-audit template --entity E --out FILE.xlsx`: the import template with the account's exact names. */
export async function templateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { ...ACCOUNT_OPTIONS, entity: { type: 'string' }, out: { type: 'string' } });
  const entity = entityFlag(values.entity);
  if (!values.out || !/\.xlsx$/i.test(values.out)) throw usageError('--out FILE.xlsx is required');
  const lang = langFlag(values.lang, io.env);
  const baseline = baselineFrom(io, values.baseline);
  const bytes = await importTemplate(localDocumentEngine, {
    client: connect(values, io),
    entity,
    lang,
    dict: dictionaryFor(lang),
    baseline,
    windowDays: baseline.thresholds.signalWindowDays,
  });
  io.writeFile(values.out, bytes);
  io.stderr(`${translatorFor(lang)('cli.written', { file: values.out })}\n`);
  return EXIT.ok;
}
