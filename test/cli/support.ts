import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli.mjs';

/** What a CLI process did. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

const repo = join(import.meta.dirname, '..', '..');

/**
 * The compiled CLI, built for this test file into a folder of its own inside the repository (so `jszip`
 * resolves from node_modules as it does for the installed package, and parallel files do not race on dist/).
 */
export async function compiledCli(name: string): Promise<{ entry: string; remove: () => void }> {
  const dir = join(repo, 'tmp', `cli-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const entry: string = await buildCli(dir);
  return { entry, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `node <entry> args…` with only the given environment (plus PATH); resolves when it exits. */
export function runNode(
  entry: string,
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; shell?: string } = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = opts.shell
      ? spawn('sh', ['-c', opts.shell], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: opts.cwd })
      : spawn(process.execPath, [entry, ...args], {
          env: { PATH: process.env.PATH ?? '', ...env },
          cwd: opts.cwd,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A loopback port nobody listens on (bound, then closed): connecting to it is refused at once. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
