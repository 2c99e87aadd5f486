/** The CLI's journal file (`--journal FILE`): JSON, written durably and atomically (temp file, fsync, rename). Node only. */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { journalFromJson, journalToJson, type JournalStorage } from './journal';

/**
 * Writes `data` to `path` so that a crash or a full disk leaves either the old file or the new one,
 * never half of one, and no temp file behind: the save throws, and the journal's caller stops the fix.
 */
export function writeFileDurably(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, data);
      // The entry must be on disk before the request it announces is sent.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** A journal kept in one JSON file; a missing file is an empty journal. */
export function fileJournalStorage(path: string): JournalStorage {
  return {
    load: () => (existsSync(path) ? journalFromJson(readFileSync(path, 'utf8')) : []),
    save: (entries) => writeFileDurably(path, journalToJson(entries)),
  };
}
