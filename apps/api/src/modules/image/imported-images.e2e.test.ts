import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { decodeImage } from '@ferbench/inference';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { createServer } from '../../server/create-server.js';
import { graphqlData } from '../../testing/graphql-request.js';

const DUPLICATES = `query ($dataset: ID!) {
  images(dataset: $dataset, first: 100, filter: { duplicatesOnly: true }) { totalCount edges { node { id key } } }
}`;

// fer2013.csv publishes pixels: the runner stores each row as a PNG under FERBENCH_DATA_DIR; the API must serve it,
// and explore's duplicatesOnly must flag exactly the images the import counted as duplicates.
test('a face imported from fer2013.csv is served by GET /images/:id, and duplicatesOnly agrees with the import', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test', 'happy');
  if (fer === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-api-csv-'));
  const db = await createTestDatabase('api_imported_images');
  const runner = poolDatabase(db.url);
  const server = await createServer({ databaseUrl: db.url, datasetsRoot: dir });
  try {
    const jpegs = readdirSync(fer).filter((n) => n.startsWith('PublicTest_')).sort().slice(0, 3);
    const rows = await Promise.all(jpegs.map(async (n) => [...(await decodeImage(readFileSync(path.join(fer, n)))).data].join(' ')));
    // Three faces in PublicTest; the first again in PrivateTest (a copy within the dataset).
    writeFileSync(path.join(dir, 'fer2013.csv'), ['emotion,pixels,Usage', ...rows.map((p) => `3,${p},PublicTest`), `3,${rows[0]},PrivateTest`].join('\n'));
    const dataDir = path.join(dir, 'data');
    const all = await importDataset(runner.pool, { format: 'fer2013', root: dir, id: 'csv-all', dataDir });
    assert.deepEqual(all.skipped, []);
    assert.deepEqual([all.inserted, all.duplicates.withinDataset, all.duplicates.any], [4, 2, 2]);
    const pub = await importDataset(runner.pool, { format: 'fer2013', root: dir, id: 'csv-public', split: 'PublicTest', dataDir });
    assert.deepEqual([pub.inserted, pub.duplicates.withinDataset, pub.duplicates.acrossDatasets, pub.duplicates.any], [3, 0, 3, 3]);

    // Now every csv-all face has a copy (fer0000000 within, the PublicTest three in csv-public), as the second import
    // counted from its side; the same definition flags them in explore.
    for (const [dataset, expected] of [['csv-all', 4], ['csv-public', pub.duplicates.any]] as const) {
      const { images } = await graphqlData<{ images: { totalCount: number } }>(server.url, DUPLICATES, { dataset });
      assert.equal(images.totalCount, expected, `${dataset}: explore flags what the import counted`);
    }
    const { rows: stored } = await runner.pool.query<{ id: string; path: string; sha256: string }>(`SELECT id::text, path, sha256 FROM images WHERE dataset_id = 'csv-all' AND key = 'fer0000001.png'`);
    const response = await fetch(new URL(`/images/${stored[0]!.id}`, server.url));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('etag'), `"${stored[0]!.sha256}"`);
    const served = Buffer.from(await response.arrayBuffer());
    assert.deepEqual(served, readFileSync(stored[0]!.path));
    assert.equal((await decodeImage(served)).data.join(' '), rows[1], 'the served PNG holds the row’s pixels');
  } finally {
    await server.stop();
    await runner.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
