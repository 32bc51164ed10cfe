import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import sharp from 'sharp';
import { decodeImage } from './decode-image.js';
import { resizeImage } from './resize-image.js';

async function sharpRgb(data: Uint8Array): Promise<Uint8Array> {
  const { data: pixels, info } = await sharp(data).toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return new Uint8Array(pixels);
  return Uint8Array.from({ length: info.width * info.height * 3 }, (_, i) => pixels[Math.floor(i / 3)] as number);
}

test('JPEGs decode to the same pixels as sharp gives (grey FER2013 and colour RAF-DB faces)', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test', 'disgust');
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (fer === undefined || raf === undefined) return;
  const files = [...readdirSync(fer).slice(0, 5).map((n) => path.join(fer, n)), ...readdirSync(raf).slice(0, 5).map((n) => path.join(raf, n))];
  for (const file of files) {
    const data = readFileSync(file);
    const image = await decodeImage(data);
    const meta = await sharp(data).metadata();
    assert.deepEqual([image.width, image.height], [meta.width, meta.height], file);
    assert.deepEqual(image.data, await sharpRgb(data), file);
  }
});

test('other formats go through sharp; a grey PNG is spread to RGB', async () => {
  const grey = Uint8Array.from([0, 60, 120, 250]);
  const png = await sharp(grey, { raw: { width: 2, height: 2, channels: 1 } }).png().toBuffer();
  const image = await decodeImage(png);
  assert.deepEqual([image.width, image.height], [2, 2]);
  assert.deepEqual([...image.data], [0, 0, 0, 60, 60, 60, 120, 120, 120, 250, 250, 250]);
});

test('bytes that are not an image are an error, JPEG or not', async () => {
  await assert.rejects(decodeImage(Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2, 3])), /cannot decode JPEG/);
  await assert.rejects(decodeImage(Uint8Array.from([1, 2, 3, 4])));
});

test('resize stretches to the card size, and leaves an image already that size untouched', async () => {
  const image = { data: new Uint8Array(4 * 2 * 3).fill(200), width: 4, height: 2 };
  assert.equal(await resizeImage(image, { width: 4, height: 2, resize: 'linear' }), image);
  const resized = await resizeImage(image, { width: 3, height: 3, resize: 'linear' });
  assert.deepEqual([resized.width, resized.height, resized.data.length], [3, 3, 27]);
  assert.ok(resized.data.every((v) => v === 200), 'a flat image stays flat');
});
