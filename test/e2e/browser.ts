import { chromium, type Browser } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHostServer } from '../../src/emulator/host/server';

/** Repository root (the host page serves widget/ from here). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Debian's Chromium, started the way this machine allows (no background networking, no sandbox as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** `npm start`'s server on a free port, with the emulator's test routes on. */
export async function startHost(seed: 'messy' | 'fresh' | 'clean' | 'large' = 'messy') {
  const host = createHostServer({ root: ROOT, seed, port: 0, testRoutes: true });
  const url = await host.listen();
  return { host, url };
}
