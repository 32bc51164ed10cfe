import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MAX_INPUT_PIXELS } from '@ferbench/shared';
import { fixture, jpegBomb, pngBomb, svgBomb } from '@ferbench/testkit';
import sharp from 'sharp';
import { decodeImage } from './decode-image.js';
import { readImageHeader } from './image-header.js';
import { InferenceError, InferenceErrorCode } from './inference-error.js';

function refused(data: Uint8Array, code: InferenceErrorCode): string {
  try {
    readImageHeader(data);
  } catch (error) {
    assert.ok(error instanceof InferenceError);
    assert.equal(error.code, code, error.message);
    return error.message;
  }
  return assert.fail('the header was accepted');
}

test('readImageHeader: format and declared size of real JPEGs and PNGs, as sharp reads them', async (t) => {
  const face = fixture(t, 'data', 'fer2013', 'test', 'happy', 'PrivateTest_10077120.jpg');
  const photo = fixture(t, 'data', 'muxspace-sample', 'images', 'Aaron_Peirsol_0004.jpg');
  if (face === undefined || photo === undefined) return;
  const png = await sharp({ create: { width: 321, height: 123, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
  const progressive = await sharp(readFileSync(photo)).jpeg({ progressive: true }).toBuffer();
  for (const bytes of [readFileSync(face), readFileSync(photo), png, progressive]) {
    const { width, height, format } = await sharp(bytes).metadata();
    assert.deepEqual(readImageHeader(bytes), { format, width, height });
  }
});

test('readImageHeader: the issue\'s bombs are refused from their header, naming what they declare', async (t) => {
  const face = fixture(t, 'data', 'fer2013', 'test', 'happy', 'PrivateTest_10077120.jpg');
  if (face === undefined) return;
  assert.equal(svgBomb().length, 123);
  assert.equal(refused(svgBomb(), InferenceErrorCode.ImageFormatRefused), 'expected a JPEG (starting ff d8 ff) or a PNG (starting 89 50 4e 47); this is an SVG');
  assert.match(refused(Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), InferenceErrorCode.ImageFormatRefused), /this is a GIF$/);
  assert.equal(refused(pngBomb(), InferenceErrorCode.ImageTooManyPixels), 'the PNG declares 16000 × 16000 pixels (256.0 MP); at most 40 MP are decoded');
  const jpeg = jpegBomb(readFileSync(face));
  assert.ok(jpeg.length < 2000, `${jpeg.length} bytes`);
  assert.equal(refused(jpeg, InferenceErrorCode.ImageTooManyPixels), 'the JPEG declares 8192 × 8192 pixels (67.1 MP); at most 40 MP are decoded');
  // Just under the cap is allowed: 40 MP exactly.
  assert.deepEqual(readImageHeader(pngBomb(8000, 5000)), { format: 'png', width: 8000, height: 5000 });
  assert.equal(8000 * 5000, MAX_INPUT_PIXELS);
  assert.match(refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), InferenceErrorCode.ImageUnreadable), /declares no size \(IHDR chunk\)/);
});

test('decodeImage never decodes past MAX_INPUT_PIXELS, whichever decoder (libjpeg-turbo WebAssembly, sharp) it uses', async (t) => {
  const face = fixture(t, 'data', 'fer2013', 'test', 'happy', 'PrivateTest_10077120.jpg');
  if (face === undefined) return;
  await assert.rejects(decodeImage(jpegBomb(readFileSync(face))), /the JPEG declares 8192 × 8192 pixels, over 40 MP/);
  await assert.rejects(decodeImage(pngBomb()), /pixel limit/i);
  await assert.rejects(decodeImage(svgBomb()), /pixel limit/i);
  const small = await decodeImage(readFileSync(face));
  assert.deepEqual([small.width, small.height, small.channels], [48, 48, 1]);
});
