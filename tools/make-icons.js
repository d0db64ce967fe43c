#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in icons (assets/icon-16.png … icon-128.png, every size in SIZES) without any image library:
 * a green rounded square with a white check mark and, from 32 px up, a small bar chart.
 *
 *   node tools/make-icons.js          # (re)writes the PNGs in assets/
 *
 * The output is deterministic; the PNGs are committed, so this only needs running after a
 * design change. Shapes are described in unit coordinates and rasterised with 8×8
 * supersampling per pixel for anti-aliasing. PNG: 8-bit RGBA, filter 0, zlib from node.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/**
 * Every ribbon size Office desktop renders by DPI and touch mode (16, 32 and 80 required; 20, 24,
 * 40, 48 and 64 optional — office-js-docs-pr docs/design/add-in-icons-fresh.md, and the `size`
 * attribute's documentation in OfficeAppBasicTypesV1_0.xsd), plus 128 for listings.
 */
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

// Colours (sRGB). The green keeps white marks at a contrast ratio above 5:1.
const GREEN_TOP = [0x22, 0x8c, 0x48];
const GREEN_BOTTOM = [0x15, 0x6f, 0x36];
const WHITE = [0xff, 0xff, 0xff];
const MINT = [0xbf, 0xeb, 0xcd];

// ---------------------------------------------------------------- geometry (unit square)

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

/** Design for one size: small icons get a margin of about one pixel and no chart. */
function design(size) {
  const withChart = size >= 32;
  // About one pixel of padding at 20 and 24 px, as the guidelines' table asks; as before elsewhere.
  const margin = size <= 16 ? 0.5 / 16 : size < 32 ? 1 / size : 1 / 32;
  const check = withChart
    ? { points: [[0.2, 0.45], [0.38, 0.63], [0.74, 0.25]], width: 0.115 }
    : { points: [[0.22, 0.52], [0.42, 0.72], [0.8, 0.3]], width: 0.15 };
  const bars = withChart
    ? [
        { x0: 0.54, x1: 0.62, top: 0.68 },
        { x0: 0.655, x1: 0.735, top: 0.58 },
        { x0: 0.77, x1: 0.85, top: 0.47 },
      ].map((b) => ({ ...b, bottom: 0.84 }))
    : [];
  return { margin, radius: 0.2, check, bars };
}

/** Colour and coverage of one sample point; null when outside the icon. */
function sample(d, x, y) {
  const m = d.margin;
  if (!insideRoundedRect(x, y, m, m, 1 - m, 1 - m, d.radius)) return null;
  const [p0, p1, p2] = d.check.points;
  const half = d.check.width / 2;
  if (
    distToSegment(x, y, p0[0], p0[1], p1[0], p1[1]) <= half ||
    distToSegment(x, y, p1[0], p1[1], p2[0], p2[1]) <= half
  ) {
    return WHITE;
  }
  for (const b of d.bars) {
    if (insideRoundedRect(x, y, b.x0, b.top, b.x1, b.bottom, 0.012)) return MINT;
  }
  const t = (y - m) / (1 - 2 * m);
  return GREEN_TOP.map((c, i) => c + (GREEN_BOTTOM[i] - c) * t);
}

/** RGBA pixels (straight alpha), row-major. */
function renderIcon(size) {
  const d = design(size);
  const ss = 8;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample(d, (px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            n++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (n > 0) {
        out[o] = Math.round(r / n);
        out[o + 1] = Math.round(g / n);
        out[o + 2] = Math.round(b / n);
        out[o + 3] = Math.round((255 * n) / (ss * ss));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes straight-alpha RGBA pixels as a PNG (colour type 6, 8 bits, no interlace). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    const png = encodePng(size, size, renderIcon(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, renderIcon, encodePng, crc32 };
