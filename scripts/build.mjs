// `npm run build`: fills widget/ with the archive tree (script.js and documents.js by webpack, manifest.json,
// i18n/, images/, style.css) and compiles the CLI into dist/ (scripts/build-cli.mjs).
// `--widget-out DIR` builds the widget into DIR instead (npm start: each run in a folder of its own, so two
// can run side by side); `--widget-only` skips the CLI.
import { cpSync, mkdirSync, readdirSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import webpack from 'webpack';
import { createRequire } from 'node:module';
import { buildCli } from './build-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: { 'widget-out': { type: 'string' }, 'widget-only': { type: 'boolean' } },
  strict: true,
});
const out = flags['widget-out'] ? resolve(flags['widget-out']) : join(root, 'widget');
const require = createRequire(import.meta.url);
const config = require(join(root, 'webpack.config.cjs'));
config.output.path = out;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const stats = await new Promise((resolve, reject) => {
  webpack(config, (err, result) => (err ? reject(err) : resolve(result)));
});
if (stats.hasErrors()) {
  console.error(stats.toString({ all: false, errors: true, colors: false }));
  process.exit(1);
}

copyFileSync(join(root, 'manifest.json'), join(out, 'manifest.json'));
cpSync(join(root, 'i18n'), join(out, 'i18n'), { recursive: true, filter: (src) => !src.endsWith('~') });
mkdirSync(join(out, 'images'));
for (const file of readdirSync(join(root, 'images')).filter((f) => f.endsWith('.png'))) {
  copyFileSync(join(root, 'images', file), join(out, 'images', file));
}
const css = join(root, 'src', 'ui', 'styles.css');
if (existsSync(css)) copyFileSync(css, join(out, 'style.css'));
else throw new Error('src/ui/styles.css is missing: the archive needs style.css');
console.log(`built ${out}`);
if (!flags['widget-only']) console.log(`built ${await buildCli()}`);
