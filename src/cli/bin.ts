// The CLI's process entry (dist/cli.js): argv in, exit code out; main never throws.
import { useSharedSlots } from '../api/slots';
import { fileSlotStores } from '../api/slots-file';
import { main } from './main';

// Two runs on one account share one request window (a slot file per account in the temp folder), so
// together they stay under amoCRM's limit. SETUP_AUDIT_SLOTS_DIR moves the folder (tests, locked-down hosts).
useSharedSlots(fileSlotStores(process.env.SETUP_AUDIT_SLOTS_DIR || undefined));

process.exitCode = await main(process.argv.slice(2));
