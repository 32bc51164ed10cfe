import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { readModelCard, releasePhotoSessions } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { createTestDatabase, fixture, jpegBomb, pngBomb, svgBomb, type TestDatabase } from '@ferbench/testkit';
import { type RunningServer, createServer } from '../../server/create-server.js';

// The reproductions: each of these was decoded in full (≈ 1 GB for the SVG and the PNG, four at once 4.2 GB;
// the JPEG grew the decoder's memory by 65 MB for good). The server runs in this process, so its RSS is ours.
let db: TestDatabase | undefined;
let server: RunningServer | undefined;
before(async () => {
  db = await createTestDatabase('api_photo_bombs');
});
after(async () => {
  await server?.stop();
  await db?.drop();
  await releasePhotoSessions();
});

const MB = 1024 * 1024;

test('POST /try-photo refuses the SVG, PNG and JPEG bombs with 4xx from their headers, four of each at once, RSS growing < 100 MB', async (t) => {
  const detectorsDir = fixture(t, 'detectors');
  const modelsDir = fixture(t, 'models');
  const face = fixture(t, 'data', 'fer2013', 'test', 'happy', 'PrivateTest_10077120.jpg');
  if (detectorsDir === undefined || modelsDir === undefined || face === undefined) return;
  // A registered model, as on a real server: without the header check the photo would reach the decoders.
  const runner = poolDatabase(db!.url);
  try {
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
    await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
  } finally {
    await runner.close();
  }
  server = await createServer({ databaseUrl: db!.url, datasetsRoot: modelsDir, photos: { modelsDir, detectorsDir, maxPhotoBytes: 10 * MB } });
  const url = new URL('/try-photo', server.url);
  const bombs = [
    { name: 'a 123-byte SVG of 16000 × 16000', bytes: svgBomb(), status: 415, reason: 'PHOTO_NOT_JPEG_OR_PNG', message: /^The photo is not a JPEG or PNG: .*this is an SVG\./ },
    { name: 'a PNG declaring 16000 × 16000', bytes: pngBomb(), status: 413, reason: 'PHOTO_TOO_MANY_PIXELS', message: /declares 16000 × 16000 pixels \(256\.0 MP\); at most 40 MP/ },
    { name: 'a 1.6 KB JPEG declaring 8192 × 8192', bytes: jpegBomb(readFileSync(face)), status: 413, reason: 'PHOTO_TOO_MANY_PIXELS', message: /declares 8192 × 8192 pixels/ },
  ];
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  for (const bomb of bombs) {
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bomb.bytes });
        return { status: response.status, body: (await response.json()) as { error?: { reason: string; message: string } } };
      }),
    );
    for (const answer of answers) {
      assert.equal(answer.status, bomb.status, `${bomb.name}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error?.reason, bomb.reason, bomb.name);
      assert.match(answer.body.error?.message ?? '', bomb.message, bomb.name);
    }
  }
  const growthMb = (process.memoryUsage().rss - rssBefore) / MB;
  console.log(`RSS growth over 12 bombs: ${growthMb.toFixed(1)} MB`);
  assert.ok(growthMb < 100, `RSS grew ${growthMb.toFixed(1)} MB`);
});
