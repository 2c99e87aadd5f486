/** How fast the compiled CLI answers `--version` and `--help` (design §6: < 0.5 s), as a process from cold. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Median and slowest wall time of `node dist/cli.js <args>` over `runs` fresh processes (after one warm-up). */
export function cliStartup(root: string, args: string[], runs = 11): { medianMs: number; maxMs: number; runs: number } {
  const entry = join(root, 'dist', 'cli.js');
  const once = () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [entry, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
    });
    if (run.status !== 0) throw new Error(`setup-audit ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return performance.now() - start;
  };
  once(); // the file system cache, as for a user's second call
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)]!, maxMs: times.at(-1)!, runs };
}
