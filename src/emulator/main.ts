/**
 * `npm run emulator -- --port P --seed NAME [--token T] [--latency MS] [--rate N] [--test-routes]`
 * Serves the emulated API on 127.0.0.1 until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { SEED_NAMES, createEmulator, isSeedName } from './index';
import { listenFailure } from './listen-failure';

const USAGE = `usage: npm run emulator -- --port P --seed ${SEED_NAMES.join('|')} [--token T] [--latency MS] [--rate N] [--test-routes]`;

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '8081' },
      seed: { type: 'string', default: 'messy' },
      token: { type: 'string', default: 'dev-token' },
      latency: { type: 'string', default: '0' },
      rate: { type: 'string', default: '7' },
      'test-routes': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
}
try {
  parsed = parseOptions();
} catch (err) {
  // One line, not a stack: what was wrong and how to call it.
  console.error(`${(err as Error).message.split('\n')[0]}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;

const seed = values.seed!;
const port = Number(values.port);
const latencyMs = Number(values.latency);
const rate = Number(values.rate);
if (!isSeedName(seed) || !Number.isInteger(port) || port < 0 || !(latencyMs >= 0) || !(rate > 0)) {
  console.error(USAGE);
  process.exit(2);
}

const emulator = createEmulator({
  seed,
  token: values.token,
  latencyMs,
  rate,
  testRoutes: values['test-routes'],
  quiet: values.quiet,
});
let server: Awaited<ReturnType<typeof emulator.listen>>;
try {
  server = await emulator.listen(port, '127.0.0.1');
} catch (err) {
  console.error(listenFailure(err, port, '--port'));
  process.exit(1);
}
console.log(`amoCRM API v4 emulator (seed ${seed}) at ${server.url}/api/v4 — token: ${values.token}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
