import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { predictPhoto, readModelCard, releasePhotoSessions } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { EMOTIONS, itemAgreement } from '@ferbench/shared';
import { createTestDatabase, fixture, type TestDatabase } from '@ferbench/testkit';
import { type RunningServer, createServer } from '../../server/create-server.js';
import type { TriedPhoto } from './photo.service.js';

const MODEL_IDS = ['mini-xception-119', 'mobilefacenet-int8'];
const LIMIT = 256 * 1024;
let db: TestDatabase | undefined;
let server: RunningServer | undefined;

before(async () => {
  db = await createTestDatabase('api_try_photo');
});
after(async () => {
  await server?.stop();
  await db?.drop();
  await releasePhotoSessions();
});

/** The API with both shipped models registered and the live path on, or a loud skip without the shared files. */
async function api(t: Parameters<typeof fixture>[0]): Promise<{ url: string; modelsDir: string; detectorsDir: string } | undefined> {
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (modelsDir === undefined || detectorsDir === undefined) return undefined;
  if (server === undefined) {
    const runner = poolDatabase(db!.url);
    try {
      for (const id of MODEL_IDS) {
        const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, `${id}.json`));
        await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
      }
    } finally {
      await runner.close();
    }
    server = await createServer({ databaseUrl: db!.url, datasetsRoot: modelsDir, photos: { modelsDir, detectorsDir, maxPhotoBytes: LIMIT } });
  }
  return { url: new URL('/try-photo', server.url).href, modelsDir, detectorsDir };
}

async function post(url: string, body: Uint8Array): Promise<{ status: number; body: TriedPhoto & { error?: { reason: string; message: string } } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
  return { status: response.status, body: (await response.json()) as TriedPhoto & { error?: { reason: string; message: string } } };
}

test('POST /try-photo: every registered model votes on the face of a real muxspace photo, as predictPhoto says', async (t) => {
  const live = await api(t);
  const photoFile = fixture(t, 'data', 'muxspace-sample', 'images', 'Aaron_Peirsol_0004.jpg');
  if (live === undefined || photoFile === undefined) return;
  const photo = readFileSync(photoFile);
  const { status, body } = await post(live.url, photo);
  assert.equal(status, 200, JSON.stringify(body));

  const cards = await Promise.all(MODEL_IDS.map((id) => readModelCard(path.join(SHIPPED_CARDS_DIR, `${id}.json`))));
  const direct = await predictPhoto(photo, { models: cards.map((card) => ({ card, file: path.join(live.modelsDir, card.file) })), detectorsDir: live.detectorsDir });
  assert.equal(body.faces.length, 1, 'one face in the photo');
  assert.equal(body.faces.length, direct.faces.length);
  assert.deepEqual(body.models.map((m) => m.id), MODEL_IDS);
  assert.deepEqual(body.unavailable, []);
  assert.equal(body.photo.bytes, photo.length);
  assert.deepEqual([body.photo.width, body.photo.height], [direct.width, direct.height]);
  // Both models emit the seven basic emotions and no contempt.
  assert.deepEqual(body.labelSet, EMOTIONS.filter((e) => e !== 'contempt'));
  const [face, expected] = [body.faces[0]!, direct.faces[0]!];
  assert.deepEqual(face.box, expected.box);
  assert.deepEqual(
    face.votes.map((v) => ({ modelId: v.modelId, label: v.label, probabilities: v.probabilities })),
    expected.votes,
    'the same votes and probabilities as predictPhoto',
  );
  for (const vote of face.votes) assert.equal(vote.probability, vote.probabilities[EMOTIONS.indexOf(vote.label!)]);
  const counts = body.labelSet.map((label) => expected.votes.filter((v) => v.label === label).length);
  assert.deepEqual(face.agreement.voteCounts, counts);
  const { majority, entropyBits, pI, ratings } = itemAgreement(body.labelSet, counts);
  assert.deepEqual([face.agreement.majority, face.agreement.entropyBits, face.agreement.pI, face.agreement.ratings], [majority, entropyBits, pI, 2]);
  assert.equal(ratings, 2);
  t.diagnostic(`votes: ${face.votes.map((v) => `${v.modelId} ${v.label} ${v.probability?.toFixed(3)}`).join('; ')}; P_i ${pI}`);
});

test('POST /try-photo refuses an empty body, a file that is not an image and one over the limit, saying why', async (t) => {
  const live = await api(t);
  if (live === undefined) return;
  const empty = await post(live.url, new Uint8Array(0));
  assert.equal(empty.status, 400);
  assert.equal(empty.body.error?.message, 'The request has no photo: send a JPEG or PNG as the request body.');
  const garbage = await post(live.url, Buffer.concat([Buffer.from([0x00]), randomBytes(1000)]));
  assert.equal(garbage.status, 415);
  assert.equal(garbage.body.error?.reason, 'PHOTO_NOT_JPEG_OR_PNG');
  assert.equal(
    garbage.body.error!.message,
    'The photo is not a JPEG or PNG: expected a JPEG (starting ff d8 ff) or a PNG (starting 89 50 4e 47); this is neither. Only JPEG and PNG are read; nothing was decoded.',
  );
  // A JPEG by its first bytes whose data does not decode.
  const cut = await post(live.url, Buffer.from('ffd8ffc0001108003000300301220002110103110100', 'hex'));
  assert.equal(cut.status, 400);
  assert.equal(cut.body.error?.reason, 'PHOTO_UNREADABLE');
  assert.match(cut.body.error!.message, /^The photo cannot be read: the photo cannot be decoded as JPEG or PNG .*Send a JPEG or PNG\.$/);
  const big = await post(live.url, new Uint8Array(LIMIT + 1));
  assert.equal(big.status, 413);
  assert.equal(big.body.error?.message, "The photo is larger than this server's limit of 0.25 MiB; send a smaller JPEG or PNG.");
});
