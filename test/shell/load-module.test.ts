import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWidgetModule, ModuleLoadError } from '../../src/shell/load-module';
import { loadFixesFrom } from '../../src/shell/load-fixes';
import { loadDocumentsFrom } from '../../src/shell/load-documents';
import { cachedLoader } from '../../src/runner/cached-loader';
import { localFixEngine } from '../../src/runner/fix-engine-local';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

/** A stand-in for the CRM's RequireJS: records each require and lets the test answer it. */
function fakeRequire() {
  const pending: { url: string; load: (m: unknown) => void; fail: (e: unknown) => void }[] = [];
  const requirejs = Object.assign(
    (deps: string[], load: (m: unknown) => void, fail: (e: unknown) => void) => {
      pending.push({ url: deps[0]!, load, fail });
    },
    { undef: vi.fn() },
  );
  return { requirejs, pending, urls: () => pending.map((p) => p.url) };
}

const FIXES = { engine: localFixEngine, views: localFixViews };
const isObject = (m: unknown): m is object => typeof m === 'object' && m !== null;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('on-demand modules (loaded through the CRM RequireJS from the widget folder)', () => {
  let amd: ReturnType<typeof fakeRequire>;
  beforeEach(() => {
    amd = fakeRequire();
    vi.stubGlobal('requirejs', amd.requirejs);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the file beside script.js and resolves with the module value', async () => {
    const loading = loadWidgetModule('/widgets/setup_audit/', 'fixes.js', isObject);
    expect(amd.urls()).toEqual(['/widgets/setup_audit/fixes.js']);
    amd.pending[0]!.load({ ok: 1 });
    await expect(loading).resolves.toEqual({ module: { ok: 1 }, base: '/widgets/setup_audit' });
  });

  it('a file that fails to load is a ModuleLoadError naming it, and RequireJS forgets it for the next try', async () => {
    const loading = loadWidgetModule('/w', 'fixes.js', isObject);
    amd.pending[0]!.fail(new Error('Script error for "/w/fixes.js"'));
    const err = await loading.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModuleLoadError);
    expect((err as ModuleLoadError).file).toBe('fixes.js');
    expect((err as Error).message).toBe('fixes.js: Script error for "/w/fixes.js"');
    expect(amd.requirejs.undef).toHaveBeenCalledWith('/w/fixes.js');
  });

  it.each([
    ['not an object', 42],
    ['an engine without the dialog', { engine: localFixEngine, views: {} }],
    ['the dialog without the engine', { engine: { applyFixes() {} }, views: localFixViews }],
  ])('refuses a fixes.js that is %s', async (_name, value) => {
    const loading = loadFixesFrom('/w');
    amd.pending[0]!.load(value);
    await expect(loading).rejects.toThrow(/fixes\.js: it is not the module this widget expects/);
  });

  it('says so when the page has no RequireJS', async () => {
    vi.stubGlobal('requirejs', undefined);
    await expect(loadFixesFrom('/w')).rejects.toThrow('fixes.js: RequireJS is not available on this page');
  });

  it('concurrent calls share one load; a failure is retried on the next call; a success is kept', async () => {
    const load = cachedLoader(() => loadFixesFrom('/w'));
    // A double click: two calls while the file loads.
    const first = load();
    const second = load();
    expect(amd.pending).toHaveLength(1);
    amd.pending[0]!.fail(new Error('offline'));
    await expect(first).rejects.toThrow('fixes.js: offline');
    await expect(second).rejects.toThrow('fixes.js: offline');
    const third = load();
    expect(amd.pending).toHaveLength(2);
    amd.pending[1]!.load(FIXES);
    await expect(third).resolves.toBe(FIXES);
    await expect(load()).resolves.toBe(FIXES);
    await tick();
    expect(amd.pending).toHaveLength(2);
  });

  it('documents.js: the engine comes back with its pre-flight moved into the worker beside it, and its views', async () => {
    const loading = loadDocumentsFrom('/w');
    expect(amd.urls()).toEqual(['/w/documents.js']);
    const workerPreflight = vi.fn(() => localDocumentEngine.preflight);
    amd.pending[0]!.load({ ...localDocumentEngine, workerPreflight, views: localDocumentViews });
    const { engine, views } = await loading;
    expect(engine.buildConfigurationDocument).toBe(localDocumentEngine.buildConfigurationDocument);
    expect(workerPreflight).toHaveBeenCalledWith({
      scriptUrl: '/w/preflight-worker.js',
      fallback: localDocumentEngine.preflight,
    });
    expect(views).toBe(localDocumentViews);
    expect('workerPreflight' in engine).toBe(false);
  });

  it('refuses a documents.js without the views of its answers (a mixed archive)', async () => {
    const loading = loadDocumentsFrom('/w');
    amd.pending[0]!.load({ ...localDocumentEngine, workerPreflight: () => localDocumentEngine.preflight });
    await expect(loading).rejects.toThrow(/documents\.js: it is not the module this widget expects/);
  });
});
