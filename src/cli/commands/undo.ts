import { Journal } from '../../fix/journal';
import { createWorkflow } from '../../runner/workflow';
import { openAccount } from '../account';
import { parseFlags } from '../args';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { readInput } from '../load';
import { defaultBaseline } from '../../audit/baseline/load';
import { dictionaryFor } from '../dict';
import { assertReachable } from '../reachable';
import { SPECS } from '../specs';
import type { RunContext } from './index';
import { ioJournalStorage, journalLock, opLine } from './fix-io';
import { localFixEngine } from '../../runner/fix-engine-local';

/**
 * `setup-audit undo --journal FILE [--batch ID]`: undoes a batch of fixes (the latest one not yet undone
 * by default). Ops whose target changed since the fix are reported as conflicts and left alone.
 */
export async function undoCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.undo.flags);
  if (!values.journal) throw usageError('journalRequired');
  // Read first: which batch to undo is known before touching the account (and a missing file is one line).
  readInput(io, values.journal);
  const fixes = new Journal(ioJournalStorage(io, values.journal)).entries().filter((e) => e.kind === 'fix');
  const batchId = values.batch ?? fixes.filter((e) => e.undoneAt === null).at(-1)?.batchId;
  if (!values.batch && fixes.length > 0 && !batchId) {
    io.stdout(`${t('fix.refused.already-undone')}\n`);
    return EXIT.ok;
  }
  if (!batchId || !fixes.some((e) => e.batchId === batchId)) {
    io.stderr(`${t('fix.refused.no-entry', { entry: values.batch ?? values.journal })}\n`);
    return EXIT.failed;
  }
  const { client, baseUrl } = await openAccount(values, io);
  const workflow = createWorkflow({
    client,
    // Undo audits nothing here (no audit in hand): the baseline only sets the reading window.
    baseline: defaultBaseline(),
    lang,
    dict: dictionaryFor(lang),
    fixes: async () => localFixEngine,
    journal: ioJournalStorage(io, values.journal),
    lock: journalLock(io, values.journal),
    baseUrl,
  });
  assertReachable(await workflow.identify(), baseUrl);
  const { outcome } = await workflow.undo({ batchId }, { onOp: (op) => io.stdout(opLine(op, t, 'undo')) });
  if (outcome.status === 'refused') {
    io.stderr(`${t(outcome.message.key, outcome.message.params)}\n`);
    return EXIT.failed;
  }
  io.stdout(
    `\n${t(`fix.outcome.${outcome.status === 'undone' ? 'undone' : outcome.status === 'partial' ? 'undo-partial' : outcome.status}`)}\n`,
  );
  return outcome.status === 'undone' ? EXIT.ok : EXIT.failed;
}
