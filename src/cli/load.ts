import { loadBaseline, parseBaseline } from '../audit/baseline/load';
import type { Baseline } from '../audit/baseline/types';
import { parseSnapshot } from '../snapshot/serialize';
import type { Snapshot } from '../snapshot/types';
import { usageError } from './errors';
import type { CliIo } from './io';

function readText(io: CliIo, path: string, what: string): string {
  try {
    return new TextDecoder().decode(io.readFile(path));
  } catch (err) {
    throw usageError(
      `cannot read the ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** --baseline FILE, or the default; an invalid file is refused with the path of the bad key. */
export function baselineFrom(io: CliIo, path: string | undefined): Baseline {
  if (path === undefined) return loadBaseline().baseline;
  const result = parseBaseline(readText(io, path, 'baseline'));
  if (!result.ok) throw usageError(`invalid baseline ${path}: ${result.error.message}`);
  return result.baseline;
}

/** --snapshot FILE for an offline audit. */
export function snapshotFrom(io: CliIo, path: string): Snapshot {
  try {
    return parseSnapshot(readText(io, path, 'snapshot'));
  } catch (err) {
    if ((err as Error).name === 'CliError') throw err;
    throw usageError(`${path}: ${(err as Error).message}`);
  }
}
