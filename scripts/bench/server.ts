/**
 * The emulator in its own process (`src/emulator/main.ts`), as a real API would be: when it shared the
 * bench's event loop, serving a 250-contact page delayed the limiter's checks of requests already in
 * flight and bunched them, which a separate server never does.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedName } from '../../src/emulator';
import { LATENCY_MS, RATE } from './common';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A running emulator process. */
export interface EmulatorProcess {
  url: string;
  close(): Promise<void>;
}

/** Starts `npm run emulator` for `seed` on a free port at the bench's rate and latency. */
export function emulatorProcess(seed: SeedName): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src', 'emulator', 'main.ts'),
      '--port',
      '0',
      '--seed',
      seed,
      '--latency',
      String(LATENCY_MS),
      '--rate',
      String(RATE),
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const closed = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await closed;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening: ${out}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\/api\/v4/.exec(out)?.[1];
      if (url) resolve({ url, close });
    });
  });
}
