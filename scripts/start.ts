// `npm start`: the widget is already built (package.json runs the build first); serve the local CRM page.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHostServer } from '../src/emulator/host/server';
import { isSeedName, SEED_NAMES } from '../src/emulator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.SEED ?? 'messy';
if (!isSeedName(seed)) {
  console.error(`SEED must be one of ${SEED_NAMES.join(', ')} (got "${seed}")`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8080);
const host = createHostServer({ root, seed, port, latencyMs: Number(process.env.LATENCY_MS ?? 0) });
try {
  const url = await host.listen();
  console.log(`Setup Audit on the "${seed}" demo account: ${url}  (?user=admin|manager|<id>; Ctrl+C stops)`);
} catch (err) {
  console.error(`cannot listen on port ${port}: ${(err as Error).message} (set PORT to another port)`);
  process.exit(1);
}
const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
