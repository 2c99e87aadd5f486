import type { Snapshot } from '../snapshot/types';
import { unreachableError } from './errors';

/**
 * The account part is readable by every user, so when it fails after the edge's check (the account went
 * away mid-run, or kept answering 5xx through every retry) the audit would be meaningless: exit 3, one line.
 */
export function assertReachable(snapshot: Snapshot, baseUrl: string): void {
  const account = snapshot.parts.account;
  if (!account || !('error' in account)) return;
  const { kind, message } = account.error;
  if (kind === 'unauthorized') throw unreachableError('tokenRefused', { url: baseUrl });
  if (kind === 'network' || kind === 'timeout') throw unreachableError('noAnswer', { url: baseUrl, reason: message });
  throw unreachableError('accountFailed', { url: baseUrl, reason: message });
}
