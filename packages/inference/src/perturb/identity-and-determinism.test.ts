import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, shippedCardFile } from '@ferbench/testkit';
import { prepareImage } from '../prepare-image.js';
import { readModelCard } from '../read-card.js';
import { normalisationTables, tensorSize } from '../tensor-layout.js';
import { applyPerturbation } from './apply-perturbation.js';
import { parsePerturbation } from './parse-perturbation.js';
import { preparePerturbedImage } from './prepare-perturbed-image.js';
import { realFaces, spreadFiles } from './real-faces.test-support.js';
import { SUITES } from './suites.js';

// Two cards that see faces differently: 48×48 grey of the whole image, and 112×112 RGB aligned to the landmarks.
const CARDS = ['mini-xception-119.json', 'mobilefacenet-int8-aligned.json'];

async function facesOf(t: Parameters<typeof fixture>[0]) {
  const rafdb = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  const fer = fixture(t, 'data', 'fer2013', 'test', 'happy');
  const detectors = fixture(t, 'detectors');
  if (rafdb === undefined || fer === undefined || detectors === undefined) return undefined;
  return realFaces(detectors, [...spreadFiles(rafdb, 300, 6), ...spreadFiles(fer, 300, 4)]);
}

test('identity perturbations reproduce the clean preprocessed input exactly (real faces, grey and aligned RGB cards)', async (t) => {
  const faces = await facesOf(t);
  if (faces === undefined) return;
  assert.ok(faces.length >= 8, `faces found in ${faces.length} of 10 files`);
  for (const cardName of CARDS) {
    const { input } = await readModelCard(shippedCardFile(cardName));
    const tables = normalisationTables(input);
    for (const f of faces) {
      const clean = new Float32Array(tensorSize(input));
      await prepareImage(f.bytes, input, clean, 0, tables, f.face);
      for (const text of SUITES['identity'] ?? []) {
        const perturbed = new Float32Array(tensorSize(input));
        await preparePerturbedImage(f.bytes, parsePerturbation(text), input, perturbed, 0, tables, f.face);
        assert.deepEqual(perturbed, clean, `${text} on ${f.file} for ${cardName}`);
      }
    }
  }
});

test('every default perturbation gives byte-identical pixels twice, and different pixels from the original', async (t) => {
  const faces = await facesOf(t);
  if (faces === undefined) return;
  for (const text of SUITES['default'] ?? []) {
    const p = parsePerturbation(text);
    for (const f of faces) {
      const before = f.image.data.slice();
      const a = await applyPerturbation(f.image, p, f.face);
      const b = await applyPerturbation(f.image, p, f.face);
      assert.deepEqual(b.data, a.data, `${text} twice on ${f.file}`);
      assert.deepEqual(f.image.data, before, `${text} changed its input`);
      assert.equal(a.data.length, f.image.data.length);
      assert.notDeepEqual(a.data, f.image.data, `${text} left ${f.file} unchanged`);
    }
  }
});

test('a landmark-drawn perturbation on an image without a face says so', async () => {
  const image = { data: new Uint8Array(16), width: 4, height: 4, channels: 1 as const };
  await assert.rejects(applyPerturbation(image, parsePerturbation('mask'), null), /mask\(kind=surgical\) needs a detected face, and none was found/);
});
