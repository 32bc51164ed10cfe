/**
 * Dataset downloads over HTTP: each file streamed with Content-Disposition and its sha256 as ETag (304 on
 * revalidation, a new ETag once the results change), the manifest listing the same hashes, a private dataset's
 * images without keys or paths, and clear 404s.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { createServer, type RunningServer } from '../../server/create-server.js';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededBenchmark, seedSmallBenchmark } from '../../testing/small-benchmark.fixture.js';

let db: TestDatabase;
let seed: SeededBenchmark;
let server: RunningServer;
let exportsDir: string;
let origin: string;
before(async () => {
  db = await createTestDatabase('api_downloads');
  seed = await seedSmallBenchmark(db.url);
  exportsDir = mkdtempSync(path.join(tmpdir(), 'ferbench-downloads-'));
  server = await createServer({ databaseUrl: db.url, datasetsRoot: seed.datasetsRoot, downloads: { dir: exportsDir, isPrivate: async (id) => id === 'other' } });
  origin = new URL(server.url).origin;
});
after(async () => {
  await server?.stop();
  await db?.drop();
  seed?.cleanup();
  rmSync(exportsDir, { recursive: true, force: true });
});

// A revalidating request as a browser sends it (fetch alone would add Cache-Control: no-cache, which forbids a 304).
async function download(file: string, dataset = 'tiny', headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/datasets/${dataset}/downloads/${file}`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { response, body, sha256: createHash('sha256').update(body).digest('hex') };
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

test('predictions.csv: attachment named by dataset and results hash, ETag = sha256 of the bytes, one line per stored prediction', async () => {
  const { response, body, sha256 } = await download('predictions.csv');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('etag'), `"${sha256}"`);
  assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="?ferbench-tiny-[0-9a-f]{12}-predictions\.csv"?$/);
  assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
  const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = 'tiny'`)) as [{ n: number }];
  const lines = body.toString('utf8').trim().split('\n');
  assert.equal(lines.length, n + 1, 'header + one line per prediction');
  assert.equal(n, 40 * 3 - 4, 'alpha and gamma every face, beta skipped 4');

  const again = await download('predictions.csv', 'tiny', { 'if-none-match': `"${sha256}"`, 'cache-control': 'max-age=0' });
  assert.equal(again.response.status, 304);
  assert.equal(again.body.length, 0);
});

test('predictions.parquet and manifest.json: the manifest lists the ETag of every file it describes', async () => {
  const parquet = await download('predictions.parquet');
  assert.equal(parquet.response.headers.get('content-type'), 'application/vnd.apache.parquet');
  assert.equal(parquet.body.subarray(0, 4).toString('latin1'), 'PAR1');
  const manifest = await download('manifest.json');
  const listed = JSON.parse(manifest.body.toString('utf8')) as { content: { files: { path: string; sha256: string; rows: number }[]; datasets: { contentSha256: string }[] } };
  assert.equal(listed.content.files.find((f) => f.path === 'predictions.parquet')!.sha256, parquet.sha256);
  assert.equal(listed.content.files.find((f) => f.path === 'predictions.csv')!.rows, 116);
  const { dataset } = await graphqlData<{ dataset: { dataSha256: string; downloads: { file: string; path: string }[] } }>(server.url, '{ dataset(id: "tiny") { dataSha256 downloads { file path } } }');
  assert.equal(listed.content.datasets[0]!.contentSha256, dataset.dataSha256);
  assert.deepEqual(dataset.downloads.find((d) => d.file === 'predictions.parquet'), { file: 'predictions.parquet', path: '/datasets/tiny/downloads/predictions.parquet' });
  assert.equal(dataset.downloads.length, 11);
});

test('a private dataset: images without keys or paths, with hashes; an unknown file or dataset is a 404 that says what exists', async () => {
  const images = await download('images.csv', 'other');
  assert.equal(images.response.status, 200);
  const [header, first] = images.body.toString('utf8').split('\n');
  assert.ok(!header!.split(',').includes('path') && !header!.split(',').includes('key'), header);
  assert.ok(header!.split(',').includes('sha256') && header!.includes('votes_neutral'));
  const [{ sha256 }] = (await sql<{ sha256: string }>(`SELECT sha256 FROM images WHERE dataset_id = 'other' ORDER BY id LIMIT 1`)) as [{ sha256: string }];
  assert.ok(first!.includes(sha256));
  assert.ok(!images.body.toString('utf8').includes('face_000.jpg'));
  const publicImages = await download('images.csv', 'tiny');
  assert.ok(publicImages.body.toString('utf8').includes('faces/face_000.jpg'), 'a public dataset keeps its paths');

  const unknownFile = await download('predictions.xlsx');
  assert.equal(unknownFile.response.status, 404);
  assert.match(JSON.parse(unknownFile.body.toString()).error.message, /no download "predictions\.xlsx"; expected one of predictions\.csv, predictions\.parquet/);
  const unknownDataset = await download('predictions.csv', 'nope');
  assert.equal(unknownDataset.response.status, 404);
});

test('a new prediction changes the results, so the file and its ETag change', async () => {
  const before = await download('predictions.csv');
  const [missing] = await sql<{ id: string }>(
    `SELECT i.id::text FROM images i WHERE i.dataset_id = 'tiny' AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.image_id = i.id AND p.model_id = 'beta') ORDER BY i.id LIMIT 1`,
  );
  const [{ run }] = (await sql<{ run: string }>(`SELECT max(id)::text AS run FROM runs WHERE model_id = 'beta' AND dataset_id = 'tiny'`)) as [{ run: string }];
  const probs = [0.5, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, null];
  await sql(`INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw) VALUES ('beta', $1, $2, 0, $3, $4)`, [missing!.id, run, probs, probs.slice(0, 7)]);
  const after = await download('predictions.csv', 'tiny', { 'if-none-match': before.response.headers.get('etag')!, 'cache-control': 'max-age=0' });
  assert.equal(after.response.status, 200);
  assert.notEqual(after.sha256, before.sha256);
  assert.equal(after.body.toString('utf8').trim().split('\n').length, 117 + 1);
});
