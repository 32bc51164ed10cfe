import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { verifyManifest } from '@ferbench/exports';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { fer2013Subset, fixture, testDatabaseHooks } from '@ferbench/testkit';
import { runCli } from '../testing/run-cli.js';

const MODEL = 'mini-xception-119';
const db = testDatabaseHooks('runner_export');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-export-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const ferbench = (...args: string[]) => runCli(args, { ...process.env, DATABASE_URL: db.url, FERBENCH_DATA_DIR: path.join(dir, 'data') });

test('ferbench export and snapshot create through the CLI: files, manifest, the same snapshot id twice; bad options named', async (t) => {
  const fer2013 = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  if (fer2013 === undefined || models === undefined) return;
  const imported = await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, dir, 3), id: 'fer2013' });
  const cardFile = path.join(SHIPPED_CARDS_DIR, `${MODEL}.json`);
  await addModel(db.pool, { onnxFile: path.join(models, (await readModelCard(cardFile)).file), card: cardFile });
  await runModels(db.pool, { datasets: 'all', models: [MODEL], modelsDir: models, device: 'cpu', workers: 1, progress: false });

  const out = path.join(dir, 'out');
  const done = await ferbench('export', '--dataset', 'fer2013', '--models', 'all', '--format', 'csv,parquet', '--out', out, '--bootstrap', '0');
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, new RegExp(`predictions\\.parquet\\t${imported.inserted} rows`));
  const manifest = await verifyManifest(out);
  assert.deepEqual(manifest.content.files.map((f) => f.path), ['predictions.csv', 'predictions.parquet', 'images.csv', 'images.parquet', 'models.csv', 'models.parquet', 'leaderboard.csv', 'leaderboard.parquet', 'agreement.csv', 'agreement.parquet']);
  assert.equal(readFileSync(path.join(out, 'predictions.csv'), 'utf8').trim().split('\n').length, imported.inserted + 1, 'header + one line per face');

  const again = await ferbench('export', '--dataset', 'fer2013', '--models', 'all', '--out', out);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /--out .*out: expected an empty or new folder/);
  const badFormat = await ferbench('export', '--format', 'xlsx', '--out', path.join(dir, 'x'));
  assert.notEqual(badFormat.code, 0);
  assert.match(badFormat.stderr, /--format.*expected csv, parquet, json/);
  const badDataset = await ferbench('export', '--dataset', 'nope', '--models', 'all', '--out', path.join(dir, 'y'));
  assert.equal(badDataset.code, 1);
  assert.match(badDataset.stderr, /--dataset: unknown dataset\(s\) nope \(registered: fer2013\)/);

  const first = await ferbench('snapshot', 'create', '--bootstrap', '50');
  assert.equal(first.code, 0, first.stderr);
  const id = first.stdout.trim();
  assert.match(id, /^[0-9a-f]{16}$/);
  const second = await ferbench('snapshot', 'create', '--bootstrap', '50');
  assert.equal(second.stdout.trim(), id);
  assert.match(second.stderr, new RegExp(`unchanged since snapshot ${id}`));
  const listed = await ferbench('snapshot', 'list');
  assert.match(listed.stdout, new RegExp(`^${id}\\t.*\\tfer2013\\t${MODEL}\\t[0-9a-f]{64}$`, 'm'));
  await verifyManifest(path.join(dir, 'data', 'snapshots', id));
});
