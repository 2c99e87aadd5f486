import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry';
import { createEmulator } from '../../src/emulator';
import { buildCli } from '../../scripts/build-cli.mjs';
import { writeInstallProject } from './offline-install';
import { runNode } from './support';

// The package as an integrator gets it: `npm pack`, install the tarball into an empty folder (offline,
// from the npm cache), run the installed `setup-audit` against the emulator.
const repo = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'setup-audit-package-'));
const project = join(work, 'project');
let packed: { filename: string; integrity: string; files: { path: string }[] };
let bin = '';
let url = '';
let close: () => Promise<void> = async () => {};

function npm(args: string[], cwd: string) {
  const run = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  await buildCli();
  mkdirSync(project, { recursive: true });
  // The build ran just now; prepack would run it again.
  [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], repo)) as [
    typeof packed,
  ];
  writeInstallProject(project, repo, packed);
  npm(['ci', '--offline', '--no-audit', '--no-fund', '--loglevel', 'error'], project);
  bin = join(project, 'node_modules', '.bin', 'setup-audit');
  const server = await createEmulator({ seed: 'messy', quiet: true, rate: 1000 }).listen(0);
  url = server.url;
  close = server.close;
}, 120_000);
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('carries only what runs: compiled JavaScript, README and package.json', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('README.md');
    for (const path of paths) expect(path).toMatch(/^(dist\/[\w/-]+\.js|README\.md|package\.json)$/);
  });

  it('is publishable, with no TypeScript toolchain among its runtime dependencies', () => {
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', 'amocrm-setup-audit', 'package.json'), 'utf8'),
    ) as { private?: boolean; dependencies: Record<string, string>; bin: Record<string, string> };
    expect(installed.private).toBeUndefined();
    expect(Object.keys(installed.dependencies)).toEqual(['jszip']);
    expect(installed.bin).toEqual({ 'setup-audit': 'dist/cli.js' });
    const installedNames = spawnSync('ls', [join(project, 'node_modules')], { encoding: 'utf8' }).stdout;
    expect(installedNames).not.toMatch(/^(typescript|tsx|esbuild)$/m);
  });

  it('the installed bin answers --version and audits an account', async () => {
    const env = { AMO_TOKEN: 'dev-token', LANG: 'C.UTF-8' };
    expect((await runNode(bin, ['--version'], env)).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version,
    );
    const audit = await runNode(bin, ['audit', '--base-url', url, '--format', 'json'], env, { cwd: project });
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.stdout) as { results: { ruleId: string }[] };
    expect(report.results.map((r) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
  });

  it('the installed bin writes XLSX with its installed jszip', async () => {
    const out = join(work, 'doc.xlsx');
    const env = { AMO_TOKEN: 'dev-token', LANG: 'C.UTF-8' };
    const run = await runNode(bin, ['export', '--base-url', url, '--out', out], env, { cwd: project });
    expect(run).toMatchObject({ code: 0, stderr: `Written: ${out}\n` });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
