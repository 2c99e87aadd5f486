// Compiles the CLI into dist/ (what the package ships): one ES module per lazily loaded command, for Node.
// Packages stay external (jszip is a runtime dependency), the i18n texts, the baseline and the version are
// bundled in, so the installed CLI needs nothing from this repository but dist/.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the CLI into `outdir` (default dist/); returns the entry file. */
export async function buildCli(outdir = join(root, 'dist')) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/bin.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Readable output, like the widget: users and reviewers can read what runs.
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
  const entry = join(outdir, 'cli.js');
  // The package's bin: a shebang on the entry only (a banner would stamp every chunk).
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = await buildCli(process.argv[2]);
  console.log(`built ${entry}`);
}
