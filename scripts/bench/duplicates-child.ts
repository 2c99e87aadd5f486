/**
 * Child process of the bench: duplicate detection over the first N contacts of the large seed, on a
 * clean heap. Inputs (raw phone and email values, as the gatherer sees them) are built first; only
 * DuplicateIndex.add over every contact plus groups() is timed. Prints one JSON line.
 * Run: node --expose-gc --import tsx scripts/bench/duplicates-child.ts N
 */
import { buildSeed } from '../../src/emulator/seeds/index';
import { valuesByCode } from '../../src/snapshot/contact-values';
import { DuplicateIndex } from '../../src/snapshot/duplicates';
import { BENCH_NOW, cpuMs, median } from './common';

const n = Number(process.argv[2]);
const repeats = Number(process.argv[3] ?? 5);
const gc = (globalThis as { gc?: () => void }).gc;
if (!Number.isInteger(n) || n <= 0 || !gc) {
  console.error('usage: node --expose-gc --import tsx duplicates-child.ts N [repeats]');
  process.exit(2);
}

const store = buildSeed('large', BENCH_NOW);
if (n > store.contacts.length) throw new Error(`the large seed has ${store.contacts.length} contacts, asked for ${n}`);
const ids = new Int32Array(n);
const phones: unknown[][] = new Array(n);
const emails: unknown[][] = new Array(n);
for (let i = 0; i < n; i++) {
  const c = store.contacts.at(i);
  ids[i] = c.id;
  phones[i] = valuesByCode(c.custom_fields_values, 'PHONE');
  emails[i] = valuesByCode(c.custom_fields_values, 'EMAIL');
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
const peakBeforeKB = process.resourceUsage().maxRSS;
let index = new DuplicateIndex();
let groups = 0;
const detect = () => {
  index = new DuplicateIndex();
  for (let i = 0; i < n; i++) index.add(ids[i]!, phones[i]!, emails[i]!);
  groups = index.groups().length;
};
const times = [cpuMs(detect)];
// Heap the index keeps (the maps from value to ids), measured with the first index still alive.
gc();
const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
for (let r = 1; r < repeats; r++) times.push(cpuMs(detect));

process.stdout.write(
  `${JSON.stringify({
    contacts: n,
    groups,
    cpuMs: median(times),
    cpuRunsMs: times,
    retainedHeapMB: retainedBytes / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    // How much detection raised the process's peak above what the inputs had already taken.
    peakRssGrowthMB: (process.resourceUsage().maxRSS - peakBeforeKB) / 1024,
  })}\n`,
);
