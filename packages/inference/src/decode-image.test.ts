import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import sharp from 'sharp';
import { toColourSpace } from './colour.js';
import { decodeImage } from './decode-image.js';
import { resizeImage } from './resize-image.js';

test('JPEGs decode to the same pixels as sharp gives: grey FER2013 faces as 1 channel, colour RAF-DB faces as RGB', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test', 'disgust');
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (fer === undefined || raf === undefined) return;
  const files = [...readdirSync(fer).slice(0, 5).map((n) => path.join(fer, n)), ...readdirSync(raf).slice(0, 5).map((n) => path.join(raf, n))];
  for (const file of files) {
    const data = readFileSync(file);
    const image = await decodeImage(data);
    const { data: expected, info } = await sharp(data).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([image.width, image.height, image.channels], [info.width, info.height, file.includes('fer2013') ? 1 : 3], file);
    assert.equal(info.channels, 3);
    assert.deepEqual(toColourSpace(image, 'rgb'), new Uint8Array(expected), file);
  }
});

test('other formats go through sharp: a grey PNG stays grey, an RGBA one loses its alpha', async () => {
  const grey = await decodeImage(await sharp(Uint8Array.from([0, 60, 120, 250]), { raw: { width: 2, height: 2, channels: 1 } }).toColourspace('b-w').png().toBuffer());
  assert.deepEqual([grey.width, grey.height, grey.channels, [...grey.data]], [2, 2, 1, [0, 60, 120, 250]]);
  const rgba = await decodeImage(await sharp(Uint8Array.from([10, 20, 30, 255, 40, 50, 60, 128]), { raw: { width: 2, height: 1, channels: 4 } }).png().toBuffer());
  assert.deepEqual([rgba.channels, [...rgba.data]], [3, [10, 20, 30, 40, 50, 60]]);
});

test('a truncated JPEG is an error, and the decoder keeps working after it', async (t) => {
  const dir = fixture(t, 'data', 'fer2013', 'test', 'fear');
  if (dir === undefined) return;
  const data = readFileSync(path.join(dir, readdirSync(dir).sort()[0] as string));
  for (let i = 0; i < 3; i++) {
    await assert.rejects(decodeImage(data.subarray(0, data.length >> 1)), /cannot decode JPEG/);
    assert.equal((await decodeImage(data)).data.length, 48 * 48);
  }
});

test('bytes that are not an image are an error, JPEG or not', async () => {
  await assert.rejects(decodeImage(Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2, 3])), /cannot decode JPEG/);
  await assert.rejects(decodeImage(Uint8Array.from([1, 2, 3, 4])));
});

test('resize stretches to the card size, and leaves an image already that size untouched', async () => {
  const image = { data: new Uint8Array(4 * 2 * 3).fill(200), width: 4, height: 2, channels: 3 as const };
  assert.equal(await resizeImage(image, { width: 4, height: 2, resize: 'linear' }), image);
  const resized = await resizeImage(image, { width: 3, height: 3, resize: 'linear' });
  assert.deepEqual([resized.width, resized.height, resized.channels, resized.data.length], [3, 3, 3, 27]);
  assert.ok(resized.data.every((v) => v === 200), 'a flat image stays flat');
  const grey = await resizeImage({ data: Uint8Array.from([0, 100, 200, 50]), width: 2, height: 2, channels: 1 }, { width: 4, height: 4, resize: 'nearest' });
  assert.deepEqual([grey.channels, [...grey.data]], [1, [0, 0, 100, 100, 0, 0, 100, 100, 200, 200, 50, 50, 200, 200, 50, 50]]);
});
