// Draws the product logo (a checklist mark) at the five sizes the marketplace requires and writes PNGs.
// Pure Node (zlib), antialiased by supersampling signed distances: same script, same bytes.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [
  ['logo_main.png', 400, 272],
  ['logo.png', 130, 100],
  ['logo_small.png', 108, 108],
  ['logo_medium.png', 240, 84],
  ['logo_min.png', 84, 84],
];
const GREEN = [31, 138, 91];
const WHITE = [255, 255, 255];
const BACKDROP = [234, 246, 240];
const SAMPLES = 4;

function roundedRect(px, py, cx, cy, half, radius) {
  const qx = Math.abs(px - cx) - half + radius;
  const qy = Math.abs(py - cy) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(px, py, ax, ay, bx, by, r) {
  const pax = px - ax,
    pay = py - ay,
    bax = bx - ax,
    bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h) - r;
}

/** Colour at a point of the unit icon (coordinates in [0,1]²), or null outside it. */
function iconColour(x, y) {
  if (roundedRect(x, y, 0.5, 0.5, 0.5, 0.2) > 0) return null;
  const stroke = 0.045;
  const rows = [0.3, 0.5, 0.7];
  // Two checked rows (tick) and one open row (empty box), each followed by a line of "text".
  for (const [i, cy] of rows.entries()) {
    const box = roundedRect(x, y, 0.3, cy, 0.075, 0.025);
    if (i < 2) {
      const tick = Math.min(
        segment(x, y, 0.25, cy, 0.29, cy + 0.045, stroke * 0.55),
        segment(x, y, 0.29, cy + 0.045, 0.36, cy - 0.05, stroke * 0.55),
      );
      if (tick <= 0) return WHITE;
    } else if (Math.abs(box) <= stroke * 0.35) {
      return WHITE;
    }
    if (segment(x, y, 0.46, cy, 0.76 - i * 0.08, cy, stroke * 0.5) <= 0) return WHITE;
  }
  return GREEN;
}

function draw(width, height) {
  const side = Math.min(width, height) * 0.86;
  const ox = (width - side) / 2;
  const oy = (height - side) / 2;
  const wide = width !== height;
  const pixels = Buffer.alloc(width * height * 4);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES - ox) / side;
          const y = (py + (sy + 0.5) / SAMPLES - oy) / side;
          const c = iconColour(x, y) ?? (wide ? BACKDROP : null);
          if (c) {
            acc[0] += c[0];
            acc[1] += c[1];
            acc[2] += c[2];
            acc[3] += 255;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = acc[3] / 255;
      const i = (py * width + px) * 4;
      pixels[i] = covered ? Math.round(acc[0] / covered) : 0;
      pixels[i + 1] = covered ? Math.round(acc[1] / covered) : 0;
      pixels[i + 2] = covered ? Math.round(acc[2] / covered) : 0;
      pixels[i + 3] = Math.round(acc[3] / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(join(root, 'images'), { recursive: true });
for (const [name, w, h] of SIZES) {
  const file = png(w, h, draw(w, h));
  writeFileSync(join(root, 'images', name), file);
  console.log(`${name} ${w}×${h} ${file.length} bytes`);
}
