import { loadBaseline, parseBaseline } from '../audit/baseline/load';
import type { Baseline } from '../audit/baseline/types';
import { readSettingValue } from '../blueprint/setting-value';
import type { SignedOff } from '../blueprint/signed-off';
import { parseSnapshot } from '../snapshot/serialize';
import type { Snapshot } from '../snapshot/types';
import { CliError, usageError } from './errors';
import type { CliIo } from './io';
import { FileTooLargeError } from './read-bounded';

/** A file named by a flag; a missing or unreadable one is one clear line (exit 2), never a raw ENOENT. */
export function readInput(io: CliIo, path: string, maxBytes?: number): Uint8Array {
  try {
    return io.readFile(path, maxBytes);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError('fileMissing', { file: path });
    if (code === 'EISDIR') throw usageError('fileIsFolder', { file: path });
    if (code === 'EACCES' || code === 'EPERM') throw usageError('fileDenied', { file: path });
    throw usageError('fileUnreadable', { file: path, reason: code ?? (err as Error).message });
  }
}

function readText(io: CliIo, path: string): string {
  return new TextDecoder().decode(readInput(io, path));
}

/**
 * --baseline FILE, or the default. The file is a baseline, or the widget's saved setting (a baseline
 * with a signed-off set-up beside it, as the settings modal keeps it); an invalid one is refused with
 * the path of the bad key.
 */
export function settingFrom(io: CliIo, path: string | undefined): { baseline: Baseline; signedOff: SignedOff | null } {
  if (path === undefined) return { baseline: loadBaseline().baseline, signedOff: null };
  const setting = readSettingValue(readText(io, path));
  if (setting.problem)
    throw usageError('baselineInvalid', { file: path, reason: String(setting.problem.params?.detail) });
  if (setting.baselineText === null) return { baseline: loadBaseline().baseline, signedOff: setting.signedOff };
  const result = parseBaseline(setting.baselineText);
  if (!result.ok) throw usageError('baselineInvalid', { file: path, reason: result.error.message });
  return { baseline: result.baseline, signedOff: setting.signedOff };
}

/** --baseline FILE's baseline, or the default. */
export function baselineFrom(io: CliIo, path: string | undefined): Baseline {
  return settingFrom(io, path).baseline;
}

/** --snapshot FILE for an offline audit. */
export function snapshotFrom(io: CliIo, path: string): Snapshot {
  const text = readText(io, path);
  try {
    return parseSnapshot(text);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usageError('snapshotInvalid', { file: path, reason: (err as Error).message });
  }
}
