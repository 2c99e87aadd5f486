// `npm test`: everything that can run here, in order, stopping at the first failing stage:
// typecheck, lint and format, i18n keys, docs/rules.md current, build (widget and CLI) + pack + archive check,
// unit/integration (vitest, the CLI's package test included), e2e in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = join(tmpdir(), `setup-audit-vitest-${process.pid}.json`);
let passed = 0;
let failed = 0;

function stage(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`✖ ${name} failed (exit ${run.status ?? run.signal})`);
    return false;
  }
  return true;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  rmSync(file, { force: true });
}

function finish(ok) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (!stage('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json'])) finish(false);
if (!stage('lint and format', npx, ['biome', 'check', '.'])) finish(false);
if (!stage('i18n keys', npx, ['tsx', 'scripts/check-i18n.ts'])) finish(false);
if (!stage('docs/rules.md current', npx, ['tsx', 'scripts/rules-doc.ts', '--check'])) finish(false);
if (!stage('build', 'node', ['scripts/build.mjs'])) finish(false);
if (!stage('pack', 'node', ['scripts/pack.mjs'])) finish(false);
if (!stage('archive check', npx, ['tsx', 'scripts/check-archive.ts'])) finish(false);
const unitOk = stage('unit and integration tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
]);
countVitest(results);
if (!unitOk) finish(false);

if (existsSync(CHROMIUM)) {
  const e2eResults = `${results}.e2e`;
  const e2eOk = stage(
    'browser tests (Chromium)',
    npx,
    [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eResults}`,
    ],
    { CHROMIUM_PATH: CHROMIUM },
  );
  countVitest(e2eResults);
  if (!e2eOk) finish(false);
} else {
  console.warn(
    `\n!!! BROWSER TESTS SKIPPED: ${CHROMIUM} not found. Install Debian's chromium ` +
      '(apt-get install -y chromium) to run them; .ci/run does.',
  );
}
finish(true);
