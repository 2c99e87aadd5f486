import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readFileSync, readdirSync } from 'node:fs';
import { checkArchive } from '../../scripts/archive/check';

const GOOD_SCRIPT = `define([], function () {
  function W() { this.callbacks = { render: function () { return true; }, init: function () { return true; },
    bind_actions: function () { return true; }, settings: function () {}, onSave: function () { return true; },
    destroy: function () {}, advancedSettings: function () {} }; return this; }
  return W;
});`;

const GOOD_DOCUMENTS = `define([], function () {
  var f = function () {};
  var island = { render: f, unmount: f };
  return { buildConfigurationDocument: f, preflight: f, buildImportTemplate: f, preflightToCsv: f, workerPreflight: f,
    views: { importOutcome: island, documentPlan: island } };
});`;

const GOOD_FIXES = `define([], function () {
  var f = function () {};
  return { engine: { applyFixes: f, undoFixes: f, planChoices: f, takenNames: f }, views: { fixDialog: { render: f, unmount: f } } };
});`;

const GOOD_WORKER = `self.addEventListener('message', function () {}); self.postMessage({ type: 'ready' });`;

type Files = Record<string, Uint8Array | string>;

function baseFiles(): Files {
  const files: Files = {
    'manifest.json': readFileSync('manifest.json', 'utf8'),
    'script.js': GOOD_SCRIPT,
    'documents.js': GOOD_DOCUMENTS,
    'fixes.js': GOOD_FIXES,
    'preflight-worker.js': GOOD_WORKER,
    'style.css': '.setup-audit{}',
  };
  for (const f of readdirSync('i18n')) files[`i18n/${f}`] = readFileSync(`i18n/${f}`, 'utf8');
  for (const f of readdirSync('images')) files[`images/${f}`] = readFileSync(`images/${f}`);
  return files;
}

async function zipOf(files: Files): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array' });
}

function manifestWith(change: (m: Record<string, any>) => void): string {
  const m = JSON.parse(readFileSync('manifest.json', 'utf8'));
  change(m);
  return JSON.stringify(m);
}

const cases: { name: string; change: (f: Files) => void; expect: RegExp }[] = [
  {
    name: 'manifest missing',
    change: (f) => {
      delete f['manifest.json'];
    },
    expect: /manifest\.json: missing/,
  },
  {
    name: 'manifest not JSON',
    change: (f) => {
      f['manifest.json'] = '{';
    },
    expect: /invalid JSON/,
  },
  {
    name: 'interface_version wrong',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        m.widget.interface_version = '2';
      });
    },
    expect: /interface_version must be 2/,
  },
  {
    name: 'version not semver',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        m.widget.version = 'v1';
      });
    },
    expect: /semver/,
  },
  {
    name: 'no support email',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        delete m.widget.support.email;
      });
    },
    expect: /support/,
  },
  {
    name: 'no advanced title',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        delete m.advanced;
      });
    },
    expect: /advanced\.title/,
  },
  {
    name: 'init_once not boolean',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        m.widget.init_once = 'false';
      });
    },
    expect: /init_once must be a boolean/,
  },
  {
    name: 'locale without file',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        m.widget.locale.push('xx');
      });
    },
    expect: /i18n\/xx\.json: listed/,
  },
  {
    name: 'shipped dictionary not in locale',
    change: (f) => {
      f['manifest.json'] = manifestWith((m) => {
        m.widget.locale = m.widget.locale.filter((l: string) => l !== 'pt');
      });
    },
    expect: /i18n\/pt\.json: shipped but not listed in widget\.locale/,
  },
  {
    name: 'pt key set differs',
    change: (f) => {
      const d = JSON.parse(f['i18n/pt.json'] as string);
      delete d.score;
      f['i18n/pt.json'] = JSON.stringify(d);
    },
    expect: /i18n\/pt\.json: key set differs/,
  },
  {
    name: 'locale key sets differ',
    change: (f) => {
      const d = JSON.parse(f['i18n/en.json'] as string);
      d.extra = 'x';
      f['i18n/en.json'] = JSON.stringify(d);
    },
    expect: /key set differs/,
  },
  {
    name: 'manifest key without text',
    change: (f) => {
      const d = JSON.parse(f['i18n/en.json'] as string);
      delete d.advanced;
      f['i18n/en.json'] = JSON.stringify(d);
    },
    expect: /advanced\.title" has no text/,
  },
  {
    name: 'missing logo',
    change: (f) => {
      delete f['images/logo_min.png'];
    },
    expect: /logo_min\.png: missing/,
  },
  {
    name: 'wrong logo size',
    change: (f) => {
      f['images/logo.png'] = f['images/logo_min.png']!;
    },
    expect: /logo\.png: 84×84, must be 130×100/,
  },
  {
    name: 'logo over 300 KB',
    change: (f) => {
      const big = new Uint8Array(301 * 1024);
      big.set(f['images/logo_min.png'] as Uint8Array);
      f['images/logo_min.png'] = big;
    },
    expect: /must be ≤ 307200/,
  },
  {
    name: 'BOM',
    change: (f) => {
      f['style.css'] = '\ufeff.x{}';
    },
    expect: /style\.css: starts with a UTF-8 BOM/,
  },
  {
    name: 'invalid UTF-8',
    change: (f) => {
      f['style.css'] = new Uint8Array([0x2e, 0xff, 0xfe]);
    },
    expect: /style\.css: not valid UTF-8/,
  },
  {
    name: 'files inside a folder',
    change: (f) => {
      for (const k of Object.keys(f)) {
        f[`widget/${k}`] = f[k]!;
        delete f[k];
      }
    },
    expect: /not at the archive root/,
  },
  {
    name: 'script not a constructor',
    change: (f) => {
      f['script.js'] = 'define([], function () { return { default: 1 }; });';
    },
    expect: /must be the widget constructor/,
  },
  {
    name: 'script named module',
    change: (f) => {
      f['script.js'] = 'define("x", [], function () { return function(){}; });';
    },
    expect: /anonymous/,
  },
  {
    name: 'render not true',
    change: (f) => {
      f['script.js'] = (GOOD_SCRIPT as string).replace(
        'render: function () { return true; }',
        'render: function () { return 1; }',
      );
    },
    expect: /render\(\) must return true/,
  },
  {
    name: 'callback missing',
    change: (f) => {
      f['script.js'] = (GOOD_SCRIPT as string).replace('advancedSettings: function () {}', 'x: 1');
    },
    expect: /callbacks\.advancedSettings is missing/,
  },
  {
    name: 'documents.js missing',
    change: (f) => {
      delete f['documents.js'];
    },
    expect: /documents\.js: missing/,
  },
  {
    name: 'documents.js without the engine',
    change: (f) => {
      f['documents.js'] = 'define([], function () { return { preflight: function () {} }; });';
    },
    expect: /buildConfigurationDocument is missing/,
  },
  {
    name: 'documents.js without the views of its answers',
    change: (f) => {
      f['documents.js'] = (GOOD_DOCUMENTS as string).replace('documentPlan: island', 'documentPlan: {}');
    },
    expect: /documents\.js: views\.documentPlan\.render is missing/,
  },
  {
    name: 'fixes.js missing',
    change: (f) => {
      delete f['fixes.js'];
    },
    expect: /fixes\.js: missing/,
  },
  {
    name: 'fixes.js without the dialog',
    change: (f) => {
      f['fixes.js'] = (GOOD_FIXES as string).replace('fixDialog: { render: f, unmount: f }', 'fixDialog: {}');
    },
    expect: /fixes\.js: views\.fixDialog\.render is missing[\s\S]*views\.fixDialog\.unmount is missing/,
  },
  {
    name: 'a file at the root that nothing loads',
    change: (f) => {
      f['extra.js'] = 'console.log(1)';
    },
    expect: /extra\.js: not a file of this widget's archive/,
  },
  {
    name: 'preflight-worker.js missing',
    change: (f) => {
      delete f['preflight-worker.js'];
    },
    expect: /preflight-worker\.js: missing/,
  },
  {
    name: 'preflight-worker.js as an AMD module',
    change: (f) => {
      f['preflight-worker.js'] = 'define([], function () { return {}; });';
    },
    expect: /plain worker script, not an AMD module[\s\S]*does not listen for messages[\s\S]*does not post "ready"/,
  },
  {
    name: 'script throws',
    change: (f) => {
      f['script.js'] = 'throw new Error("boom")';
    },
    expect: /throws when loaded: boom/,
  },
];

describe('archive check', () => {
  it('passes a well-formed archive', async () => {
    expect(await checkArchive(await zipOf(baseFiles()))).toEqual([]);
  });

  it.each(cases)('fails on $name', async ({ change, expect: pattern }) => {
    const files = baseFiles();
    change(files);
    const problems = await checkArchive(await zipOf(files));
    expect(problems.join('\n')).toMatch(pattern);
  });

  it('fails on bytes that are not a zip', async () => {
    expect((await checkArchive(new TextEncoder().encode('hello'))).join()).toMatch(/not a readable zip/);
  });
});
