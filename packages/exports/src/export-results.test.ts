import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { datasetKappa, pgRows } from '@ferbench/scores';
import { EMOTIONS, HUMAN_VOTE_CATEGORIES } from '@ferbench/shared';
import { exportResults } from './export-results.js';
import { type Manifest, verifyManifest } from './manifest.js';
import { EXPORT_TEST_MODELS, type RealBenchmark, realBenchmark } from './testing/exported-benchmark.js';
import { readCsv } from './testing/read-csv.js';
import { readParquetRows } from './testing/read-parquet.js';
import { textbookFleissFromExport } from './testing/textbook-fleiss.js';

const DATASETS = ['fer2013', 'ferplus', 'rafdb'];
let bench: RealBenchmark | undefined;
let out: string;
let manifest: Manifest;

before(async (t) => {
  bench = await realBenchmark(t as never, 'exports_results');
  if (bench === undefined) return;
  out = path.join(bench.work, 'export');
  ({ manifest } = await exportResults(bench.db.pool, { datasets: 'all', models: [...EXPORT_TEST_MODELS], formats: ['csv', 'parquet', 'json'], outDir: out, bootstrap: { resamples: 200, seed: 7 } }));
});
after(() => bench?.close());

const file = (name: string) => path.join(out, name);
const rowsOf = (table: string, format: string) => manifest.content.files.find((f) => f.table === table && f.format === format)!.rows;

test('every table is written in every format, with the row counts Postgres holds', async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  assert.deepEqual(readdirSync(out).sort(), [
    'agreement.csv', 'agreement.jsonl', 'agreement.parquet', 'images.csv', 'images.jsonl', 'images.parquet', 'leaderboard.csv', 'leaderboard.jsonl', 'leaderboard.parquet',
    'manifest.json', 'models.csv', 'models.jsonl', 'models.parquet', 'predictions.csv', 'predictions.jsonl', 'predictions.parquet',
  ]);
  const count = async (sql: string) => Number((await bench!.db.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const predictions = await count('SELECT count(*) AS n FROM predictions');
  const images = await count('SELECT count(*) AS n FROM images');
  assert.equal(predictions, 2 * images, 'both models predicted every face');
  assert.equal(images, bench.faces.fer2013! + bench.faces.rafdb! + bench.faces.ferplus!);
  for (const format of ['csv', 'parquet', 'json']) {
    assert.equal(rowsOf('predictions', format), predictions, `predictions.${format}`);
    assert.equal(rowsOf('images', format), images, `images.${format}`);
    assert.equal(rowsOf('models', format), 2);
    assert.equal(rowsOf('leaderboard', format), 2 * DATASETS.length);
    assert.equal(rowsOf('agreement', format), DATASETS.length);
  }
  assert.equal(readParquetRows(file('predictions.parquet')).rows.length, predictions);
  assert.equal(readCsv(file('predictions.csv')).rows.length, predictions);
  assert.equal(readFileSync(file('predictions.jsonl'), 'utf8').trim().split('\n').length, predictions);
  assert.deepEqual(manifest.content.datasets.map((d) => [d.id, d.images]), DATASETS.map((id) => [id, bench!.faces[id]]));
});

test('Parquet, read back by another library, holds exactly the stored probabilities; CSV and JSON Lines the same rows', async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  // Postgres sends real as its shortest decimal; rounded to float32 that is the stored value, bit for bit.
  const { rows: stored } = await bench.db.pool.query<{ key: string; probs: (number | null)[]; label: number; dataset_id: string; sha256: string; model_sha256: string; run_id: string }>(
    `SELECT p.image_id || '/' || p.model_id AS key, p.probs, p.label, i.dataset_id, i.sha256, m.sha256 AS model_sha256, p.run_id::text
       FROM predictions p JOIN images i ON i.id = p.image_id JOIN models m ON m.id = p.model_id`,
  );
  const truth = new Map(stored.map((r) => [r.key, r]));
  const parquet = readParquetRows(file('predictions.parquet'));
  const csv = readCsv(file('predictions.csv'));
  const json = readFileSync(file('predictions.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(parquet.columns, csv.columns);
  assert.deepEqual(csv.columns, ['dataset', 'image_id', 'image_sha256', 'split', 'gold_label', 'model_id', 'model_sha256', 'predicted_label', ...EMOTIONS.map((e) => `p_${e}`), 'run_id']);
  let nullProbabilities = 0;
  for (const [i, row] of parquet.rows.entries()) {
    const key = `${row.image_id}/${row.model_id}`;
    const expected = truth.get(key);
    assert.ok(expected, `parquet row ${i}: no stored prediction ${key}`);
    assert.equal(typeof row.image_id, 'bigint');
    assert.equal(row.dataset, expected.dataset_id);
    assert.equal(row.image_sha256, expected.sha256);
    assert.equal(row.model_sha256, expected.model_sha256);
    assert.equal(row.predicted_label, EMOTIONS[expected.label]);
    assert.equal(String(row.run_id), expected.run_id);
    for (const [k, e] of EMOTIONS.entries()) {
      const want: number | null = expected.probs[k] === null || expected.probs[k] === undefined ? null : Math.fround(expected.probs[k]!);
      if (want === null) nullProbabilities++;
      assert.equal(row[`p_${e}`], want, `${key} p_${e}`);
      const fromCsv = csv.rows[i]![8 + k]!;
      assert.equal(fromCsv === '' ? null : Math.fround(Number(fromCsv)), want, `csv row ${i} p_${e}`);
      assert.equal(json[i]![`p_${e}`] === null ? null : Math.fround(json[i]![`p_${e}`] as number), want, `jsonl row ${i} p_${e}`);
    }
    assert.deepEqual(csv.rows[i]!.slice(0, 8), [row.dataset, String(row.image_id), row.image_sha256, row.split, row.gold_label ?? '', row.model_id, row.model_sha256, row.predicted_label]);
    assert.equal(json[i]!.image_id, String(row.image_id));
  }
  assert.equal(nullProbabilities, parquet.rows.length, 'each 7-class model leaves exactly p_contempt empty');
  assert.equal(truth.size, parquet.rows.length, 'no stored prediction is missing');
});

test("Fleiss κ recomputed by hand from the exported predictions alone equals the scores package's (the API's) to 1e-12", async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  const parquet = readParquetRows(file('predictions.parquet')).rows;
  const agreement = readParquetRows(file('agreement.parquet')).rows;
  for (const dataset of DATASETS) {
    const votes = parquet
      .filter((r) => r.dataset === dataset)
      .map((r) => ({ face: String(r.image_id), model: r.model_id as string, predicted: r.predicted_label as string, probs: EMOTIONS.map((e) => r[`p_${e}`] as number | null) }));
    const byHand = textbookFleissFromExport(votes);
    const api = await datasetKappa(pgRows(bench.db.pool), dataset, [...EXPORT_TEST_MODELS], { resamples: 0, seed: 1 });
    assert.ok(api.kappa !== null && Number.isFinite(byHand.kappa), `${dataset}: κ defined`);
    assert.ok(Math.abs(byHand.kappa - api.kappa) <= 1e-12, `${dataset}: by hand ${byHand.kappa}, API ${api.kappa}`);
    assert.equal(byHand.faces, api.nFaces);
    assert.deepEqual(byHand.labelSet, api.labelSet);
    const exported = agreement.find((a) => a.dataset === dataset)!;
    assert.ok(Math.abs((exported.fleiss_kappa as number) - api.kappa) <= 1e-12, `${dataset}: agreement table ${exported.fleiss_kappa}`);
    assert.equal(exported.n_faces, api.nFaces);
  }
});

test('images carry hashes, crowd votes and attributes; --omit-image-paths leaves out keys and paths but keeps them', async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  const full = readParquetRows(file('images.parquet'));
  const { rows: votes } = await bench.db.pool.query<{ image_id: string; label: number; votes: number }>('SELECT image_id::text, label, votes FROM human_votes');
  assert.ok(votes.length > 0, 'the FER+ subset has crowd votes');
  for (const v of votes) {
    const row = full.rows.find((r) => String(r.image_id) === v.image_id)!;
    assert.equal(row[`votes_${HUMAN_VOTE_CATEGORIES[v.label]!.replace(/-/g, '_')}`], v.votes, `image ${v.image_id} votes for ${HUMAN_VOTE_CATEGORIES[v.label]}`);
  }
  const fer2013Row = full.rows.find((r) => r.dataset === 'fer2013')!;
  assert.equal(fer2013Row.votes_happiness, null, 'no crowd votes: null, not 0');
  assert.ok(full.columns.includes('key') && full.columns.includes('path'));

  const privateOut = path.join(bench.work, 'private');
  const { manifest: privateManifest } = await exportResults(bench.db.pool, { datasets: ['ferplus'], models: 'all', formats: ['parquet', 'csv'], outDir: privateOut, omitImagePaths: true, bootstrap: { resamples: 0, seed: 1 } });
  const hidden = readParquetRows(path.join(privateOut, 'images.parquet'));
  assert.deepEqual(hidden.columns, full.columns.filter((c) => c !== 'key' && c !== 'path'));
  assert.equal(privateManifest.content.options.omitImagePaths, true);
  const csvText = readFileSync(path.join(privateOut, 'images.csv'), 'utf8');
  for (const r of full.rows.filter((r) => r.dataset === 'ferplus')) {
    const kept = hidden.rows.find((h) => h.image_id === r.image_id)!;
    assert.equal(kept.sha256, r.sha256);
    assert.equal(kept.votes_neutral, r.votes_neutral);
    assert.ok(!csvText.includes(r.path as string), `the private CSV never names ${r.path}`);
  }
});

test('manifest.json lists every file with its sha256, which verify; a changed byte is named', async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  const read = await verifyManifest(out);
  assert.equal(read.contentSha256, manifest.contentSha256);
  assert.equal(read.content.files.length, 15);
  assert.deepEqual(read.content.models.map((m) => m.id), [...EXPORT_TEST_MODELS]);
  const { rows: models } = await bench.db.pool.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM models ORDER BY id');
  assert.deepEqual(read.content.models.map((m) => [m.id, m.sha256]), models.map((m) => [m.id, m.sha256]));
  assert.match(read.ferbench.version, /^\d+\.\d+\.\d+/);
  appendFileSync(file('leaderboard.csv'), 'x');
  await assert.rejects(verifyManifest(out), /leaderboard\.csv: expected \d+ bytes with sha256 [0-9a-f]{64}/);
});
