import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { EMOTIONS } from '@ferbench/shared';
import { fixture, shippedCardFile } from '@ferbench/testkit';
import sharp from 'sharp';
import { InferenceErrorCode } from '../inference-error.js';
import { readModelCard } from '../read-card.js';
import { type PhotoModel, type PhotoPrediction, predictPhoto, releasePhotoSessions } from './predict-photo.js';

after(releasePhotoSessions);

async function shippedModels(modelsDir: string): Promise<PhotoModel[]> {
  const models: PhotoModel[] = [];
  // crop none (gets the detected box with a margin), crop align (the same ONNX), and a grey 64×64 model
  for (const id of ['mobilefacenet-int8', 'mobilefacenet-int8-aligned', 'mini-xception-119']) {
    const card = await readModelCard(shippedCardFile(`${id}.json`));
    models.push({ card, file: path.join(modelsDir, card.file) });
  }
  return models;
}

function checkVotes(result: PhotoPrediction, ids: string[]): void {
  for (const face of result.faces) {
    assert.deepEqual(face.votes.map((v) => v.modelId), ids);
    assert.equal(face.landmarks.length, 5);
    for (const vote of face.votes) {
      assert.equal(vote.probabilities.length, EMOTIONS.length);
      assert.equal(vote.probabilities[EMOTIONS.indexOf('contempt')], null, 'none of these models has contempt');
      const sum = vote.probabilities.reduce<number>((a, p) => a + (p ?? 0), 0);
      assert.ok(Math.abs(sum - 1) < 1e-4, `${vote.modelId}: probabilities sum to ${sum}`);
      const best = vote.probabilities.indexOf(Math.max(...vote.probabilities.map((p) => p ?? -1)));
      assert.equal(vote.label, EMOTIONS[best]);
    }
  }
}

test('predictPhoto: a real muxspace photo, one face, a vote from each real model under its crop policy', async (t) => {
  const photoFile = fixture(t, 'data', 'muxspace-sample', 'images', 'Aaron_Peirsol_0004.jpg');
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (photoFile === undefined || modelsDir === undefined || detectorsDir === undefined) return;
  const models = await shippedModels(modelsDir);
  const photo = readFileSync(photoFile);
  const result = await predictPhoto(photo, { models, detectorsDir });
  assert.deepEqual([result.width, result.height], [350, 350]);
  assert.deepEqual(result.detector, { id: 'yunet-2023mar', sha256: 'daede24002cc8590f457998cc5e6c9e8b82f45f6bd969506a8913cd4ed10a2d3' });
  assert.deepEqual(
    result.models.map((m) => [m.id, m.sha256, m.crop]),
    models.map((m) => [m.card.id, m.card.sha256, m.card.input.crop]),
  );
  assert.equal(result.faces.length, 1);
  const face = result.faces[0];
  assert.ok(face !== undefined && face.score >= 0.6 && face.score <= 1);
  // the head fills most of the 350×350 photo; the eyes are in its upper half, left to right
  assert.ok(face.box.width > 150 && face.box.height > 150, JSON.stringify(face.box));
  const [re, le] = face.landmarks as [[number, number], [number, number]];
  assert.ok(re[0] < le[0] && re[1] < 175 && le[1] < 175, JSON.stringify(face.landmarks));
  checkVotes(result, models.map((m) => m.card.id));
  // the same model under two crop policies sees different pixels, so its probabilities differ
  const [plain, aligned] = face.votes;
  assert.notDeepEqual(plain?.probabilities, aligned?.probabilities);

  // a second call reuses the sessions and gives the same answer
  assert.deepEqual(await predictPhoto(photo, { models, detectorsDir }), result);
});

test('predictPhoto: two photos side by side in one PNG give two faces, left and right', async (t) => {
  const images = fixture(t, 'data', 'muxspace-sample', 'images');
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (images === undefined || modelsDir === undefined || detectorsDir === undefined) return;
  const models = (await shippedModels(modelsDir)).slice(0, 2);
  const left = await sharp(path.join(images, 'Aaron_Peirsol_0004.jpg')).resize(300, 300).toBuffer();
  const right = await sharp(path.join(images, 'Abdel_Aziz_Al-Hakim_0001.jpg')).resize(300, 300).toBuffer();
  const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([
      { input: left, left: 20, top: 50 },
      { input: right, left: 380, top: 50 },
    ])
    .png()
    .toBuffer();
  const result = await predictPhoto(png, { models, detectorsDir });
  assert.equal(result.faces.length, 2);
  const centres = result.faces.map((f) => f.box.x + f.box.width / 2).sort((a, b) => a - b);
  assert.ok((centres[0] as number) > 20 && (centres[0] as number) < 320 && (centres[1] as number) > 380 && (centres[1] as number) < 680, JSON.stringify(centres));
  checkVotes(result, models.map((m) => m.card.id));
});

test('predictPhoto refuses bytes that are not an image, and a model file that is not the card\'s', async (t) => {
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (modelsDir === undefined || detectorsDir === undefined) return;
  const models = await shippedModels(modelsDir);
  await assert.rejects(predictPhoto(Buffer.from('not a photo at all'), { models, detectorsDir }), (e: Error & { code?: string }) => {
    assert.equal(e.code, InferenceErrorCode.ImageFormatRefused);
    assert.match(e.message, /^expected a JPEG \(starting ff d8 ff\) or a PNG \(starting 89 50 4e 47\); this is neither$/);
    return true;
  });
  // A JPEG header with nothing decodable after it: the decoder's refusal.
  const cut = Buffer.from('ffd8ffc0001108003000300301220002110103110100', 'hex');
  await assert.rejects(predictPhoto(cut, { models, detectorsDir }), (e: Error & { code?: string }) => {
    assert.equal(e.code, InferenceErrorCode.ImageUnreadable);
    assert.match(e.message, /the photo cannot be decoded as JPEG or PNG/);
    return true;
  });
  const [first, second] = models as [PhotoModel, PhotoModel];
  const wrong = { card: { ...first.card, id: 'wrong-file' }, file: path.join(modelsDir, (models[2] as PhotoModel).card.file) };
  const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toBuffer();
  await assert.rejects(predictPhoto(photo, { models: [second, wrong], detectorsDir }), /model wrong-file: .* has sha256 [0-9a-f]{64}, expected f0d7093a/);
  // a photo without a face: no faces, nothing invented
  const empty = await predictPhoto(photo, { models: [second], detectorsDir });
  assert.deepEqual(empty.faces, []);
});
