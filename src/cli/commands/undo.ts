import { undoFixes } from '../../fix/undo';
import { Journal } from '../../fix/journal';
import { gatherSnapshot } from '../../snapshot/gather';
import { ACCOUNT_OPTIONS, langFlag, parseFlags } from '../args';
import { connect, resolveBaseUrl } from '../connect';
import { translatorFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { assertReachable } from '../reachable';
import { ioJournalStorage, isAdminIn, opLine, tokenUserIn, journalLock } from './fix-io';

/**
 * `setup-audit undo --journal FILE [--batch ID]`: undoes a batch of fixes (the latest one not yet undone
 * by default). Ops whose target changed since the fix are reported as conflicts and left alone.
 */
export async function undoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { ...ACCOUNT_OPTIONS, journal: { type: 'string' }, batch: { type: 'string' } });
  if (!values.journal) throw usageError('--journal FILE is required (the file written by `setup-audit fix --journal`)');
  const t = translatorFor(langFlag(values.lang, io.env));
  // Read first: which batch to undo is known before touching the account.
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
  const baseUrl = resolveBaseUrl(values);
  const client = connect(values, io);
  const snapshot = await gatherSnapshot(client, { parts: ['account', 'users'], windowDays: 30 });
  assertReachable(snapshot, baseUrl);
  const journal = new Journal(ioJournalStorage(io, values.journal), { by: tokenUserIn(snapshot) });
  const outcome = await undoFixes({
    client,
    journal,
    lock: journalLock(io, values.journal),
    isAdmin: isAdminIn(snapshot),
    batchId,
    onOp: (op) => io.stdout(opLine(op, t, 'undo')),
  });
  if (outcome.status === 'refused') {
    io.stderr(`${t(outcome.message.key, outcome.message.params)}\n`);
    return EXIT.failed;
  }
  io.stdout(
    `\n${t(`fix.outcome.${outcome.status === 'undone' ? 'undone' : outcome.status === 'partial' ? 'undo-partial' : outcome.status}`)}\n`,
  );
  return outcome.status === 'undone' ? EXIT.ok : EXIT.failed;
}
