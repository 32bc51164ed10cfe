import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ModelInput } from '@ferbench/shared';
import { fixture } from '@ferbench/testkit';
import sharp from 'sharp';
import { decodeImage } from './decode-image.js';
import type { Pixels } from './pixels.js';
import { resizeImage } from './resize-image.js';
import { upsizeLikeVips } from './vips-upsize.js';

type Kernel = ModelInput['resize'];

/** What sharp itself gives for resizeImage's call. */
async function bySharp(image: Pixels, width: number, height: number, kernel: Kernel): Promise<Uint8Array> {
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(width, height, { kernel, fit: 'fill' })
    .toColourspace(image.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer();
  return new Uint8Array(data);
}

function firstDifference(a: Uint8Array, b: Uint8Array): string | null {
  if (a.length !== b.length) return `${a.length} bytes vs ${b.length}`;
  const k = a.findIndex((v, i) => v !== b[i]);
  return k === -1 ? null : `byte ${k}: ${a[k]} vs ${b[k]}`;
}

test('the libvips sharp bundles is the series upsizeLikeVips reproduces (else resizeImage uses sharp throughout)', () => {
  assert.match(sharp.versions.vips ?? '', /^8\.17\./);
});

test('enlargements equal sharp byte for byte: random images of many sizes, grey and RGB, every kernel but nearest', async () => {
  let s = 11;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let compared = 0;
  for (let i = 0; i < 120; i++) {
    const width = 1 + Math.floor(random() * 60);
    const height = 1 + Math.floor(random() * 60);
    const channels = random() < 0.5 ? 1 : 3;
    const image: Pixels = { data: Uint8Array.from({ length: width * height * channels }, () => Math.floor(random() * 256)), width, height, channels };
    // one axis may stay at its size (libvips still moves it half a pixel)
    const to = { width: width + (i % 7 === 0 ? 0 : 1 + Math.floor(random() * 120)), height: height + 1 + Math.floor(random() * 120) };
    for (const kernel of ['linear', 'cubic', 'lanczos3'] as const) {
      const mine = upsizeLikeVips(image, { ...to, resize: kernel });
      assert.ok(mine !== null, `${width}×${height} → ${to.width}×${to.height} is an enlargement`);
      assert.equal(firstDifference(mine.data, await bySharp(image, to.width, to.height, kernel)), null, `${kernel} ${width}×${height}×${channels} → ${to.width}×${to.height}`);
      compared++;
    }
  }
  assert.equal(compared, 360);
});

test('real faces: FER2013 48×48 grey to every zoo size, RAF-DB 100×100 RGB to 112, through resizeImage, equal sharp', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test', 'fear');
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (fer === undefined || raf === undefined) return;
  const cases: [string, number, Kernel][] = [
    ...readdirSync(fer).slice(0, 40).flatMap((n) => [64, 100, 112].map((size): [string, number, Kernel] => [path.join(fer, n), size, size === 100 ? 'cubic' : 'linear'])),
    ...readdirSync(raf).slice(0, 10).map((n): [string, number, Kernel] => [path.join(raf, n), 112, 'linear']),
  ];
  for (const [file, size, kernel] of cases) {
    const image = await decodeImage(readFileSync(file));
    const resized = await resizeImage(image, { width: size, height: size, resize: kernel });
    assert.equal(firstDifference(resized.data, await bySharp(image, size, size, kernel)), null, `${file} → ${size} ${kernel}`);
  }
});

test('what it does not reproduce is left to sharp: shrinking on either axis, the nearest kernel, the same size', () => {
  const image: Pixels = { data: new Uint8Array(48 * 48), width: 48, height: 48, channels: 1 };
  assert.equal(upsizeLikeVips(image, { width: 40, height: 64, resize: 'linear' }), null);
  assert.equal(upsizeLikeVips(image, { width: 64, height: 40, resize: 'cubic' }), null);
  assert.equal(upsizeLikeVips(image, { width: 96, height: 96, resize: 'nearest' }), null);
  assert.equal(upsizeLikeVips(image, { width: 48, height: 48, resize: 'linear' }), null);
});
