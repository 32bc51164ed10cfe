import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { importDataset } from './import-dataset.js';
import { formatImportSummary } from './import-summary.js';
import { countsByLabel } from './testing/counts-by-label.js';

const db = testDatabaseHooks('datasets_jaffe');

test('JAFFE import: 213 TIFF faces, 7 labels, 10 subjects as annotations, 6 mean ratings per photo; a re-import changes nothing', async (t) => {
  const root = fixture(t, 'data', 'jaffe');
  if (root === undefined) return;
  const first = await importDataset(db.pool, { format: 'jaffe', root });
  assert.equal(first.datasetId, 'jaffe');
  assert.deepEqual(first.skipped, []);
  assert.deepEqual([first.inserted, first.humanRatingsWritten, first.notes.length], [213, 213, 6]);
  assert.deepEqual(countsByLabel(first, 'all'), {
    'AN:anger': 30,
    'DI:disgust': 29,
    'FE:fear': 32,
    'HA:happiness': 31,
    'NE:neutral': 30,
    'SA:sadness': 31,
    'SU:surprise': 30,
  });
  const { rows: subjects } = await db.pool.query<{ subject: string; n: number }>(
    `SELECT annotations->>'subject' AS subject, count(*)::int AS n FROM images WHERE dataset_id = 'jaffe' GROUP BY 1 ORDER BY 1`,
  );
  assert.deepEqual(Object.fromEntries(subjects.map((s) => [s.subject, s.n])), { KA: 23, KL: 22, KM: 22, KR: 20, MK: 21, NA: 21, NM: 20, TM: 21, UY: 21, YM: 22 });
  // Both TIFF byte orders (KA re-saved little-endian with a palette, the rest big-endian) are read: 256×256 each.
  const { rows: sizes } = await db.pool.query(`SELECT DISTINCT width, height FROM images WHERE dataset_id = 'jaffe'`);
  assert.deepEqual(sizes, [{ width: 256, height: 256 }]);
  // KM-DI1, line 20 of the ratings file: "20 1.26 2.10 1.81 3.52 4.71 2.26 KM-DI1" (HAP SAD SUR ANG DIS FEA).
  const { rows: ratings } = await db.pool.query<{ label: number; mean: number; scale_min: number; scale_max: number; raters: number }>(
    `SELECT r.label, r.mean, r.scale_min, r.scale_max, r.raters FROM human_ratings r JOIN images i ON i.id = r.image_id
      WHERE i.dataset_id = 'jaffe' AND i.annotations->>'photo' = 'KM-DI1' ORDER BY r.label`,
  );
  // canonical order: 1 happiness, 2 sadness, 3 surprise, 4 fear, 5 disgust, 6 anger; neutral is not rated.
  assert.deepEqual(
    ratings.map((r) => [r.label, r.mean]),
    [
      [1, 1.26],
      [2, 2.1],
      [3, 1.81],
      [4, 2.26],
      [5, 4.71],
      [6, 3.52],
    ],
  );
  assert.ok(ratings.every((r) => r.scale_min === 1 && r.scale_max === 5 && r.raters === 60));
  const { rows: total } = await db.pool.query(`SELECT count(*)::int AS n, count(DISTINCT image_id)::int AS faces FROM human_ratings`);
  assert.deepEqual(total[0], { n: 213 * 6, faces: 213 });
  assert.match(formatImportSummary(first), /human ratings written for 213 faces/);
  assert.match(formatImportSummary(first), /note: JAFFE_semantic_ratings\.txt:\d+: KM-DI2 is rated but no image has that photo id/);

  const second = await importDataset(db.pool, { format: 'jaffe', root });
  assert.deepEqual([second.inserted, second.updated, second.unchanged, second.humanRatingsWritten], [0, 0, 213, 0]);
});
