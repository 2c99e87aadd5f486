/** The CLI's journal file (`--journal FILE`): JSON, written durably and atomically (temp file, fsync, rename). Node only. */
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { journalFromJson, journalToJson, type JournalStorage } from './journal';

/**
 * Writes `data` to `path` so that a crash or a full disk leaves either the old file or the new one,
 * never half of one, and no temp file behind: the save throws, and the journal's caller stops the fix.
 * With `mode`, the file has exactly that mode (whatever the umask) before a byte is written into it.
 */
export function writeFileDurably(path: string, data: string | Uint8Array, mode?: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      // A temp file left by a crashed run of the same pid keeps its old mode: set it before the data goes in.
      if (mode !== undefined) fchmodSync(fd, mode);
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
