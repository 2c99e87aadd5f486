// Zips widget/ into widget.zip: files at the archive root, sorted, fixed dates, so the same tree gives the same bytes.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tree = join(root, 'widget');
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

const zip = new JSZip();
for (const file of walk(tree)) {
  const name = relative(tree, file).split(sep).join('/');
  zip.file(name, readFileSync(file), { date: FIXED_DATE, createFolders: false, unixPermissions: 0o644 });
}
const bytes = await zip.generateAsync({
  type: 'nodebuffer',
  compression: 'DEFLATE',
  compressionOptions: { level: 9 },
  platform: 'UNIX',
});
writeFileSync(join(root, 'widget.zip'), bytes);
console.log(`packed widget.zip (${bytes.length} bytes)`);
