import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { decodeImage } from './decode-image.js';
import { chooseExecutionProviders } from './execution-providers.js';
import { YUNET, YunetDetector } from './faces/yunet-detector.js';

/**
 * The grey pixels of an uncompressed 8-bit TIFF, read straight from its strips (tags 273/279) without any image
 * library: BlackIsZero as stored, a palette (tag 320) through its colour map. Only what JAFFE's files use.
 */
function tiffGrey(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const little = bytes.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < u16(ifd); i++) {
    const at = ifd + 2 + 12 * i;
    const [tag, type, count] = [u16(at), u16(at + 2), u32(at + 4)];
    const size = type === 3 ? 2 : 4;
    const base = count * size <= 4 ? at + 8 : u32(at + 8);
    tags.set(tag, Array.from({ length: count }, (_, k) => (size === 2 ? u16(base + 2 * k) : u32(base + 4 * k))));
  }
  const one = (tag: number) => tags.get(tag)![0]!;
  assert.deepEqual([one(258), one(259)], [8, 1], '8-bit, uncompressed');
  const [width, height] = [one(256), one(257)];
  const pixels = new Uint8Array(width * height);
  let o = 0;
  tags.get(273)!.forEach((offset, s) => {
    pixels.set(bytes.subarray(offset, offset + tags.get(279)![s]!), o);
    o += tags.get(279)![s]!;
  });
  const map = tags.get(320);
  if (one(262) === 3) for (let i = 0; i < pixels.length; i++) pixels[i] = map![pixels[i]!]! >> 8;
  else assert.equal(one(262), 1, 'BlackIsZero');
  return { width, height, pixels };
}

test('JAFFE TIFFs decode pixel-exact in both flavours (little-endian grey palette, big-endian BlackIsZero), grey 256×256', async (t) => {
  const dir = fixture(t, 'data', 'jaffe', 'images');
  if (dir === undefined) return;
  for (const name of ['KA.AN1.39.tiff', 'KA.SU3.38.tiff', 'KL.AN1.167.tiff', 'YM.SU3.60.tiff']) {
    const bytes = readFileSync(path.join(dir, name));
    const expected = tiffGrey(bytes);
    const image = await decodeImage(bytes);
    assert.deepEqual([image.width, image.height, image.channels], [256, 256, 1], name);
    assert.ok(Buffer.from(image.data).equals(Buffer.from(expected.pixels)), `${name}: pixels differ from the file's strips`);
  }
});

test('YuNet finds exactly one face in every JAFFE photo (213 uncropped 256×256 heads), 35–65 % of the width', async (t) => {
  const dir = fixture(t, 'data', 'jaffe', 'images');
  const detectors = fixture(t, 'detectors');
  if (dir === undefined || detectors === undefined) return;
  const detector = await YunetDetector.open(path.join(detectors, YUNET.file), chooseExecutionProviders('cpu'));
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.tiff'));
    assert.equal(files.length, 213);
    for (const file of files) {
      const faces = await detector.detect(await decodeImage(readFileSync(path.join(dir, file))));
      assert.equal(faces.length, 1, `${file}: ${faces.length} faces`);
      const w = faces[0]!.box.width / 256;
      assert.ok(w > 0.35 && w < 0.65, `${file}: face ${faces[0]!.box.width} px wide`);
    }
  } finally {
    await detector.release();
  }
});
