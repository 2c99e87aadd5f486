// `npm start`: builds the widget into a folder of its own (two runs in one checkout do not share widget/),
// then serves the local CRM page with the emulator on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHostServer } from '../src/emulator/host/server';
import { isSeedName, SEED_NAMES } from '../src/emulator';
import { listenFailure } from '../src/emulator/listen-failure';
import { viewAs } from '../src/emulator/host/view-as';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.SEED ?? 'messy';
if (!isSeedName(seed)) {
  console.error(`SEED must be one of ${SEED_NAMES.join(', ')} (got "${seed}")`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}

const widgetDir = mkdtempSync(join(tmpdir(), 'setup-audit-widget-'));
const removeWidget = () => rmSync(widgetDir, { recursive: true, force: true });
const build = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'build.mjs'), '--widget-out', widgetDir, '--widget-only'],
  {
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  removeWidget();
  process.exit(build.status ?? 1);
}

const host = createHostServer({ root, widgetDir, seed, port, latencyMs: Number(process.env.LATENCY_MS ?? 0) });
try {
  const url = await host.listen();
  console.log(`Setup Audit on the "${seed}" demo account: ${url}  (?user=admin|manager|<id>; Ctrl+C stops)`);
  // Said at start as well as on the page: a seed without a manager shows ?user=manager as the admin.
  const { emulator } = host;
  const manager = viewAs(
    emulator.store.users,
    { admin: emulator.adminId, manager: emulator.managerId },
    seed,
    'manager',
  );
  if (manager.notice) console.log(manager.notice);
} catch (err) {
  removeWidget();
  console.error(listenFailure(err, port, 'PORT'));
  process.exit(1);
}
const stop = () => {
  void host.close().then(() => {
    removeWidget();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
