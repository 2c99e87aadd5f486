import type { Snapshot } from '../snapshot/types';
import { CliError, EXIT } from './errors';

/**
 * The account part is readable by every user, so when it fails the account itself is unreachable or the
 * token is refused: the audit would be meaningless, and the CLI ends with exit 3 and one line.
 */
export function assertReachable(snapshot: Snapshot, baseUrl: string): void {
  const account = snapshot.parts.account;
  if (!account || !('error' in account)) return;
  const { kind, message } = account.error;
  if (
    [
      'unauthorized',
      'forbidden',
      'payment',
      'network',
      'timeout',
      'not-found',
      'malformed',
      'http',
      'rate-limit',
    ].includes(kind)
  ) {
    const what =
      kind === 'unauthorized'
        ? 'the token was refused (401): check AMO_TOKEN'
        : kind === 'network' || kind === 'timeout'
          ? `${baseUrl} did not answer`
          : message;
    throw new CliError(`cannot audit ${baseUrl}: ${what}`, EXIT.unreachable);
  }
}
