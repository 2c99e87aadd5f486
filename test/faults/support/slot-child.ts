/**
 * One "CLI run" for the two-process throttle test: registers the file slot store as the CLI's entry does,
 * fires a burst of reads at the account and prints its counters as JSON.
 * Usage: node --import tsx slot-child.ts <baseUrl> <slotsDir> <requests>
 */
import { ApiClient } from '../../../src/api/client';
import { useSharedSlots } from '../../../src/api/slots';
import { fileSlotStores } from '../../../src/api/slots-file';

const [baseUrl, dir, count] = process.argv.slice(2);
useSharedSlots(fileSlotStores(dir));
const client = new ApiClient({ baseUrl: baseUrl!, token: 'dev-token' });
const paths = ['/api/v4/account', '/api/v4/users', '/api/v4/roles', '/api/v4/leads/pipelines'];
const results = await Promise.allSettled(
  Array.from({ length: Number(count) }, (_, i) => client.get(paths[i % paths.length]!)),
);
const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
process.stdout.write(JSON.stringify({ ...client.stats, failed }));
