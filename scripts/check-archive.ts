// `npm run check:archive`: validate widget.zip like the marketplace would; exit 1 with every problem listed.
import { readFileSync, existsSync } from 'node:fs';
import { checkArchive } from './archive/check';

const file = process.argv[2] ?? 'widget.zip';
if (!existsSync(file)) {
  console.error(`${file} not found: run \`npm run pack\` first`);
  process.exit(1);
}
const problems = await checkArchive(readFileSync(file));
if (problems.length) {
  console.error(`${file}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${file}: passes the archive check`);
