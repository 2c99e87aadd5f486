// The CLI's process entry (dist/cli.js): argv in, exit code out; main never throws.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
