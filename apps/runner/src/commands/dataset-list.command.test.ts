import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { type DatasetListItem, formatDatasetList, listDatasets } from '@ferbench/datasets';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';

const db = testDatabaseHooks('runner_dataset_list');
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-dataset-list-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const CLI = path.join(__dirname, '..', 'cli.js');

/** Runs the ferbench CLI against the test database; resolves with its exit code and output either way. */
async function ferbench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: db.url, FERBENCH_DATA_DIR: path.join(dir, 'data') };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('ferbench dataset import exits 1 naming a corrupt and a missing image, imports the rest; a second import adds nothing; dataset list --json counts per split and emotion', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test');
  if (fer === undefined) return;
  for (const label of ['happy', 'angry']) {
    mkdirSync(path.join(dir, 'faces', 'test', label), { recursive: true });
    for (const name of readdirSync(path.join(fer, label)).sort().slice(0, 3)) copyFileSync(path.join(fer, label, name), path.join(dir, 'faces', 'test', label, name));
  }
  writeFileSync(path.join(dir, 'faces', 'test', 'angry', 'corrupt.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  const first = await ferbench('dataset', 'import', '--format', 'fer2013', path.join(dir, 'faces'), '--name', 'faces');
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stdout, /^dataset faces \(fer2013, .*\): 7 listed, 6 new, 0 changed, 0 unchanged, 1 problems$/m);
  assert.match(first.stdout, /^ {2}skipped test\/angry\/corrupt\.jpg: /m);
  assert.match(first.stdout, /^duplicates: none \(no two images share a sha256\)$/m);

  const csv = path.join(dir, 'faces.csv');
  const happy = readdirSync(path.join(dir, 'faces', 'test', 'happy')).sort();
  writeFileSync(csv, `path,label\nfaces/test/happy/${happy[0]},happy\nfaces/test/happy/${happy[1]},contempt\nfaces/test/happy/nothing.jpg,happy\n`);
  const clash = await ferbench('dataset', 'import', '--format', 'csv', csv);
  assert.equal(clash.code, 1);
  assert.equal(clash.stderr.trim().split('\n').at(-1), `ferbench: dataset "faces" already holds fer2013 images from ${path.join(dir, 'faces')}; import ${csv} (csv) under another id with --name`);
  const second = await ferbench('dataset', 'import', '--format', 'csv', csv, '--name', 'faces-csv');
  assert.equal(second.code, 1);
  assert.match(second.stdout, /^ {2}skipped faces\/test\/happy\/nothing\.jpg: ENOENT/m);
  assert.match(second.stdout, /^duplicates: 2 images are exact copies \(same sha256\) of another — 0 within this dataset, 2 of images in faces$/m);
  const again = await ferbench('dataset', 'import', '--format', 'fer2013', path.join(dir, 'faces'), '--name', 'faces');
  assert.match(again.stdout, /: 7 listed, 0 new, 0 changed, 6 unchanged, 1 problems$/m);

  const list = await ferbench('dataset', 'list', '--json');
  assert.equal(list.code, 0, list.stderr);
  const items = JSON.parse(list.stdout) as DatasetListItem[];
  assert.deepEqual(
    items.map((d) => ({ id: d.id, format: d.format, images: d.images, splits: d.splits, duplicates: d.duplicates })),
    [
      {
        id: 'faces',
        format: 'fer2013',
        images: 6,
        splits: { test: { images: 6, labels: { happiness: 3, anger: 3 } } },
        duplicates: { any: 2, withinDataset: 0, acrossDatasets: 2, otherDatasets: ['faces-csv'] },
      },
      { id: 'faces-csv', format: 'csv', images: 2, splits: { all: { images: 2, labels: { happiness: 1, contempt: 1 } } }, duplicates: { any: 2, withinDataset: 0, acrossDatasets: 2, otherDatasets: ['faces'] } },
    ],
  );
  assert.deepEqual(items, await listDatasets(db.pool));
  assert.equal(
    formatDatasetList(items),
    [
      `faces (fer2013, ${path.join(dir, 'faces')}): 6 images; duplicates: 0 within, 2 across datasets`,
      'label      test  total',
      'happiness     3      3',
      'anger         3      3',
      'total         6      6',
      '',
      `faces-csv (csv, ${csv}): 2 images; duplicates: 0 within, 2 across datasets`,
      'label      all  total',
      'happiness    1      1',
      'contempt     1      1',
      'total        2      2',
    ].join('\n'),
  );
});
