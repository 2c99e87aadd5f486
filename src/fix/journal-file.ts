/** The CLI's journal file (`--journal FILE`): JSON, written atomically (temp file + rename). Node only. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { journalFromJson, journalToJson, type JournalStorage } from './journal';

/** A journal kept in one JSON file; a missing file is an empty journal. */
export function fileJournalStorage(path: string): JournalStorage {
  return {
    load: () => (existsSync(path) ? journalFromJson(readFileSync(path, 'utf8')) : []),
    save: (entries) => {
      // A crash between write and rename leaves the old journal intact, never half a file.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, journalToJson(entries));
      renameSync(tmp, path);
    },
  };
}
