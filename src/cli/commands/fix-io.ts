/** Shared by `fix` and `undo`: the journal file through the CLI's I/O, admin detection, op lines. */
import type { Translate } from '../../i18n/translate';
import { journalFromJson, journalToJson, type JournalStorage, type KeyValueStorage } from '../../fix/journal';
import { createLock, type FixLock } from '../../fix/lock';
import type { OpReport } from '../../fix/outcome';
import { displayValue } from '../../fix/value';
import { usageError } from '../errors';
import type { CliIo } from '../io';

/**
 * The lock of a journal file, kept in `<journal>.lock` beside it: two CLI runs on the same journal (two
 * terminals, a CI job and a person) see each other's lock and its expiry, like two browser tabs do.
 * Without a journal the lock guards this process only.
 */
export function journalLock(io: CliIo, journalPath: string | undefined): FixLock {
  if (!journalPath) return createLock();
  const file = `${journalPath}.lock`;
  const storage: KeyValueStorage = {
    getItem: () => {
      try {
        return new TextDecoder().decode(io.readFile(file)) || null;
      } catch {
        return null;
      }
    },
    setItem: (_key, value) => io.writeFile(file, value),
    // An empty file is no lock (the lock reads it as absent); CliIo has no delete on purpose.
    removeItem: () => io.writeFile(file, ''),
  };
  return createLock({ storage, key: 'lock', name: file });
}

/** `--journal FILE` through the CLI's I/O (atomic writes); a missing file is an empty journal. */
export function ioJournalStorage(io: CliIo, path: string): JournalStorage {
  return {
    load: () => {
      let text: string;
      try {
        text = new TextDecoder().decode(io.readFile(path));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw usageError('journalUnreadable', {
          file: path,
          reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
        });
      }
      try {
        return journalFromJson(text);
      } catch (err) {
        throw usageError('journalInvalid', { file: path, reason: (err as Error).message });
      }
    },
    save: (entries) => io.writeFile(path, journalToJson(entries)),
  };
}

const MARK: Record<OpReport['status'], string> = {
  applied: '✓',
  failed: '✗',
  'not-attempted': '·',
  skipped: '–',
  conflict: '!',
};

/** One op's result as a terminal line. */
export function opLine(op: OpReport, t: Translate, mode: 'fix' | 'undo' = 'fix'): string {
  // Undo reports the fix's own sentence; "reverted" rather than "applied" says which way it went.
  const status = mode === 'undo' && op.status === 'applied' ? t('fix.status.reverted') : t(`fix.status.${op.status}`);
  let line = `  ${MARK[op.status]} ${t(op.summary.key, op.summary.params)} — ${status}`;
  if (op.error) line += `: ${op.error.message}${op.error.details?.length ? ` [${op.error.details.join('; ')}]` : ''}`;
  if (op.reason) {
    line += `: ${t(op.reason.key, {
      ...op.reason.params,
      ...(op.status === 'conflict' ? { expected: displayValue(op.expected), actual: displayValue(op.actual) } : {}),
    })}`;
  }
  return `${line}\n`;
}
