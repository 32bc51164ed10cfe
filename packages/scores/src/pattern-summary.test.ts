import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Emotion, type PatternTable, tableAgreement } from '@ferbench/shared';
import { testDatabaseHooks } from '@ferbench/testkit';
import { countPatterns } from './count-patterns.sql.js';
import { defaultRaters, refreshAgreementPatterns, summarizedPatterns } from './pattern-summary.sql.js';
import { pgRows } from './sql-rows.js';

const db = testDatabaseHooks('scores_pattern_summary');
const SEVEN: Emotion[] = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'];
const FACES = 4000;

function card(id: string, eight: boolean) {
  const labels = eight ? ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger', 'contempt'] : SEVEN;
  return {
    id, name: id, version: '1', file: `${id}.onnx`, sha256: String(id.charCodeAt(1)).padEnd(64, '0'), source: { url: 'https://example.org', licence: 'MIT' },
    trainingData: 'synthetic', architecture: 'none',
    input: { name: 'x', layout: 'NCHW', width: 48, height: 48, channels: 1, colorSpace: 'grayscale', crop: 'none', resize: 'linear', scale: 1, mean: [0], std: [1], batch: 'dynamic' },
    output: { name: 'y', kind: 'probabilities', labels, labelMap: Object.fromEntries(labels.map((l) => [l, l])) },
  };
}

/**
 * FACES synthetic faces rated by 5 models generated in SQL from a seeded hash (model m gives the gold label with
 * probability 0.5 + 0.08·m, else a uniform one; 2 % of (face, model) pairs missing); m4 can say contempt, and does
 * for 10 % of faces, so the restricted-label path (most probable label within the set) is exercised.
 */
async function seed(): Promise<string[]> {
  const ids = ['m0', 'm1', 'm2', 'm3', 'm4'];
  await db.pool.query(`INSERT INTO datasets (id, name, format, root, label_map) VALUES ('syn', 'Synthetic', 'synthetic', 'synthetic', '{}')`);
  for (const id of ids) await db.pool.query(`INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $1, '1', $2, $3)`, [id, card(id, id === 'm4').sha256, card(id, id === 'm4')]);
  await db.pool.query(`INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size) SELECT unnest($1::text[]), 'syn', 'done', 'cpu', 'cpu', 'test', 1`, [ids]);
  await db.pool.query(
    `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label)
     SELECT 'syn', 'f' || g, 'f' || g, lpad(to_hex(g), 64, '0'), 1, 48, 48, 'test', (abs(hashint8extended(g, 1)) % 7)::smallint FROM generate_series(1, $1::int) g`,
    [FACES],
  );
  await db.pool.query(
    `INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw)
     SELECT r.model_id, i.id, r.id, x.label,
            ARRAY(SELECT CASE WHEN j = 7 AND r.model_id <> 'm4' THEN NULL WHEN j = x.label THEN 0.6 WHEN j = x.second THEN 0.2 ELSE 0.025 END::real FROM generate_series(0, 7) j),
            '{0}'
       FROM runs r JOIN images i ON i.dataset_id = r.dataset_id
       CROSS JOIN LATERAL (SELECT substr(r.model_id, 2)::int AS m, i.id * 8 + substr(r.model_id, 2)::int AS k) mk
       CROSS JOIN LATERAL (SELECT (CASE WHEN r.model_id = 'm4' AND abs(hashint8extended(mk.k, 5)) % 10 = 0 THEN 7
                                        WHEN abs(hashint8extended(mk.k, 2)) % 100 < 50 + 8 * mk.m THEN i.gold_label
                                        ELSE abs(hashint8extended(mk.k, 3)) % 7 END)::smallint AS label,
                                  (abs(hashint8extended(mk.k, 4)) % 7)::smallint AS second) x
      WHERE abs(hashint8extended(mk.k, 6)) % 100 >= 2`,
  );
  return ids;
}

function statistics(table: PatternTable, raters: number) {
  const s = tableAgreement(table, raters, { bootstrap: { resamples: 200, seed: 3, level: 0.95 } });
  return {
    fleiss: [s.fleissKappa.value, s.fleissKappa.value === null ? null : s.fleissKappa.se],
    alpha: s.krippendorffAlpha.value,
    ac1: [s.gwetAc1.declared.value, s.gwetAc1.declared.value === null ? null : s.gwetAc1.declared.se],
    percent: s.percentAgreement.value,
    ci: [s.bootstrap?.fleissKappa.low, s.bootstrap?.fleissKappa.high, s.bootstrap?.krippendorffAlpha.low, s.bootstrap?.gwetAc1.high],
    faces: [s.itemTally.complete, s.itemTally.paired, s.itemTally.rated],
  };
}

function assertClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') return void assert.ok(Math.abs(actual - expected) <= 1e-12, `${path}: ${actual} vs ${expected}`);
  if (Array.isArray(expected)) return void expected.forEach((e, k) => assertClose((actual as unknown[])[k], e, `${path}[${k}]`));
  if (expected !== null && typeof expected === 'object') return void Object.entries(expected).forEach(([k, e]) => assertClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`));
  assert.equal(actual, expected, path);
}

test('stored vote patterns give κ, α, AC1, % agreement, their SEs and bootstrap CIs equal (to 1e-12) to counting the predictions; any change of predictions or gold labels is counted again', { timeout: 60_000 }, async () => {
  const rows = pgRows(db.pool);
  const ids = await seed();
  const raters = ids.length;
  const baseline = async (labels = SEVEN, gold = false) => statistics(await countPatterns(rows, 'syn', ids, labels, { goldAsRater: gold }), raters + (gold ? 1 : 0));

  const first = await summarizedPatterns(rows, 'syn', ids, SEVEN);
  assert.equal(first.source, 'counted');
  const again = await summarizedPatterns(rows, 'syn', [...ids].reverse(), SEVEN);
  assert.equal(again.source, 'stored', 'the same raters in another order are the same question');
  const expected = await baseline();
  assert.ok((expected.fleiss[0] as number) > 0.2 && (expected.fleiss[0] as number) < 0.9, `κ ${expected.fleiss[0]}`);
  assert.equal(expected.faces[2], FACES);
  assertClose(statistics(again, raters), expected);
  assertClose(statistics(first, raters), expected);

  // Another label set and the gold label as a rater are other questions, each stored on its own.
  const four: Emotion[] = ['neutral', 'happiness', 'sadness', 'anger'];
  assert.equal((await summarizedPatterns(rows, 'syn', ids, four)).source, 'counted');
  assertClose(statistics(await summarizedPatterns(rows, 'syn', ids, four), raters), await baseline(four));
  assert.equal((await summarizedPatterns(rows, 'syn', ids, SEVEN, { goldAsRater: true })).source, 'counted');
  const gold = await summarizedPatterns(rows, 'syn', ids, SEVEN, { goldAsRater: true });
  assert.equal(gold.source, 'stored');
  assertClose(statistics(gold, raters + 1), await baseline(SEVEN, true));

  // A prediction changes (as a re-run would write it), one is deleted: recounted, and equal to the new count.
  await db.pool.query(`UPDATE predictions SET label = (label + 1) % 7 WHERE model_id = 'm0' AND image_id IN (SELECT id FROM images ORDER BY id LIMIT 300)`);
  await db.pool.query(`DELETE FROM predictions WHERE model_id = 'm1' AND image_id IN (SELECT id FROM images ORDER BY id DESC LIMIT 50)`);
  const changed = await summarizedPatterns(rows, 'syn', ids, SEVEN);
  assert.equal(changed.source, 'counted');
  const after = await baseline();
  assert.notEqual(after.fleiss[0], expected.fleiss[0]);
  assertClose(statistics(changed, raters), after);
  // A gold label changes: the gold-as-rater question is recounted.
  await db.pool.query(`UPDATE images SET gold_label = (gold_label + 1) % 7 WHERE id IN (SELECT id FROM images ORDER BY id LIMIT 100)`);
  const regold = await summarizedPatterns(rows, 'syn', ids, SEVEN, { goldAsRater: true });
  assert.equal(regold.source, 'counted');
  assertClose(statistics(regold, raters + 1), await baseline(SEVEN, true));

  // What a run does when it ends: the default question (every model, their common labels) is stored, current.
  assert.deepEqual(await defaultRaters(rows, 'syn'), { modelIds: ids, labelSet: SEVEN });
  await db.pool.query(`DELETE FROM predictions WHERE model_id = 'm2' AND image_id IN (SELECT id FROM images ORDER BY id LIMIT 10)`);
  assert.equal((await refreshAgreementPatterns(rows, 'syn'))?.source, 'counted');
  const read = await summarizedPatterns(rows, 'syn', ids, SEVEN);
  assert.equal(read.source, 'stored');
  assertClose(statistics(read, raters), await baseline());
  // TRUNCATE (no row triggers) also outdates every stored table.
  await db.pool.query('TRUNCATE predictions');
  assert.equal((await summarizedPatterns(rows, 'syn', ids, SEVEN)).source, 'counted');
});
