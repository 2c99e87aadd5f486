import { describe, expect, it } from 'vitest';
import { captureBlueprint } from '../../src/blueprint/capture';
import { settingValueText, SETTING_MARK } from '../../src/blueprint/setting-value';
import DEFAULT from '../../src/audit/baseline/b2b-services.json';
import { createEmulator } from '../../src/emulator';
import { memoryIo } from '../support/cli-io';
import { FIXED_NOW } from '../support/emulated';
import { blueprintAccount } from './harness';

// The CLI reads the widget's saved setting (as the settings modal keeps it) with --baseline: its
// signed-off set-up turns into the drift results, exactly as in the panel.
async function setup() {
  const account = createEmulator({ seed: 'clean', now: () => FIXED_NOW, rate: 1000, quiet: true });
  const files = new Map<string, Uint8Array>();
  const { run } = memoryIo({ fetch: account.fetch, files });
  const document = captureBlueprint(await blueprintAccount('clean').gather());
  const signedOff = { document, signedAt: '2026-11-19T15:30:00.000Z', by: 'Anna', source: 'clean.xlsx' };
  const put = (name: string, text: string) => files.set(name, new TextEncoder().encode(text));
  return { account, files, run, signedOff, put };
}
const BASE = ['--base-url', 'https://emulator.test', '--format', 'json'];
type Out = { results: { ruleId: string; outcome: string; title: string }[]; baseline: { version: string } };
const drift = (out: Out) => out.results.filter((r) => r.ruleId.startsWith('blueprint-'));

describe('setup-audit audit --baseline <the widget setting>', () => {
  it('reports drift from the signed-off set-up, and the setting’s baseline is the audit’s', async () => {
    const { account, run, signedOff, put } = await setup();
    const baselineText = JSON.stringify({ ...DEFAULT, version: '3.1.4' });
    put('setting.json', settingValueText({ baselineText, signedOff }));
    const first = await run('audit', ...BASE, '--baseline', 'setting.json');
    expect(first.code, first.err).toBe(0);
    const before = JSON.parse(first.out) as Out;
    expect(before.baseline.version).toBe('3.1.4');
    expect(drift(before).map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);

    account.store.pipelines
      .find((p) => p.is_main)!
      .statuses.find((s) => s.type === 0 && s.id !== 142 && s.id !== 143)!.name = 'Renamed after the sign-off';
    const after = JSON.parse((await run('audit', ...BASE, '--baseline', 'setting.json')).out) as Out;
    const pipelines = drift(after).find((r) => r.ruleId === 'blueprint-pipelines')!;
    expect(pipelines).toMatchObject({
      outcome: 'fail',
      title: 'Pipelines and stages: drifted from the set-up signed off on 2026-11-19 by Anna',
    });
  });

  it('an old baseline-only setting audits as before, without drift results', async () => {
    const { run, put } = await setup();
    put('baseline.json', JSON.stringify(DEFAULT));
    const out = JSON.parse((await run('audit', ...BASE, '--baseline', 'baseline.json')).out) as Out;
    expect(drift(out)).toEqual([]);
  });

  it('a damaged sign-off in the setting is refused with where (exit 2), not ignored', async () => {
    const { run, put, signedOff } = await setup();
    put('setting.json', JSON.stringify({ [SETTING_MARK]: 1, baseline: null, signedOff: { ...signedOff, by: '' } }));
    const out = await run('audit', ...BASE, '--baseline', 'setting.json');
    expect(out.code).toBe(2);
    expect(out.err).toContain('invalid baseline setting.json: signedOff.by');
  });
});
