import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { datasetKappa, datasetRobustness, pairedKappaBootstrap, pgRows } from '@ferbench/scores';
import { createTestDatabase, fer2013Subset, fixture } from '@ferbench/testkit';

const CLI = path.join(__dirname, '..', 'cli.js');
const MODELS = ['mini-xception-119', 'mobilefacenet-int8'];

function cli(args: string[], env: NodeJS.ProcessEnv): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('robustness list prints every perturbation with its canonical defaults and the suites', () => {
  const r = cli(['robustness', 'list'], process.env);
  assert.equal(r.code, 0, r.stderr);
  for (const name of ['mask(kind=surgical)  [drawn from the face landmarks', 'occlude(region=eyes)', 'blur(sigma=2)', 'gamma(value=2.2)', 'jpeg(quality=10)', 'rotate(deg=20)', 'downscale(factor=4)', 'hflip', 'noise(sigma=10, seed=1)'])
    assert.ok(r.stdout.includes(name), name);
  assert.match(r.stdout, /^suite default: mask\(kind=surgical\); occlude\(region=eyes\);/m);
});

test('robustness run and report through the CLI on 28 FER2013 faces: identity perturbation has κ and accuracy unchanged, hflip counted as SQL counts it; README markers rewritten', { timeout: 240_000 }, async (t) => {
  const fer = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (fer === undefined || models === undefined || detectors === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-robustness-cli-'));
  const testDb = await createTestDatabase('runner_robustness');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer, dir, 4), id: 'mini' });
  for (const id of MODELS) {
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, `${id}.json`));
    await addModel(db.pool, { onnxFile: path.join(models, card.file), card });
  }
  const env = { ...process.env, DATABASE_URL: testDb.url, FERBENCH_MODELS: models, FERBENCH_DETECTORS: detectors, FERBENCH_DEVICE: 'cpu' };
  assert.equal(cli(['run', '--dataset', 'mini', '--models', MODELS.join(','), '--workers', '1'], env).code, 0);

  const bad = cli(['robustness', 'run', '--dataset', 'mini', '--suite', 'blur(radius=2)'], env);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /option '--suite <suite>' argument 'blur\(radius=2\)' is invalid\. perturbation "blur\(radius=2\)": blur has no parameter "radius"; it takes sigma/);

  const suite = 'blur(sigma=0);hflip;mask(kind=surgical)';
  const run = cli(['robustness', 'run', '--dataset', 'mini', '--models', 'all', '--suite', suite, '--batch', '8'], env);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /mini-xception-119 × mini × hflip: 28 predicted, 0 failed of 28 pending \(28 images\)/);
  const again = cli(['robustness', 'run', '--dataset', 'mini', '--suite', 'hflip'], env);
  assert.match(again.stdout, /mini-xception-119 × mini × hflip: up to date \(28 images\)/);

  const rows = pgRows(db.pool);
  const [identity, flipped] = (await datasetRobustness(rows, 'mini', MODELS, ['blur(sigma=0)', 'hflip'])).perturbations;
  assert.ok(identity !== undefined && flipped !== undefined);
  // Identity: the same faces, κ equal to the dataset's κ (the API's path), no flips, no accuracy change.
  const k = await datasetKappa(rows, 'mini', MODELS, { resamples: 0, seed: 1 });
  assert.deepEqual([identity.nFaces, identity.kappaClean.value, identity.kappa.value], [28, k.kappa, k.kappa]);
  for (const m of identity.models) assert.deepEqual([m.flips.flips, m.accuracy.value], [0, 0]);
  // hflip: flips and accuracies as SQL counts them from the stored rows.
  for (const m of flipped.models) {
    const [{ flips, clean, perturbed }] = (
      await db.pool.query<{ flips: string; clean: string; perturbed: string }>(
        `SELECT count(*) FILTER (WHERE c.label <> p.label) AS flips, count(*) FILTER (WHERE c.label = i.gold_label) AS clean, count(*) FILTER (WHERE p.label = i.gold_label) AS perturbed
           FROM predictions c JOIN perturbed_predictions p USING (model_id, image_id) JOIN images i ON i.id = c.image_id WHERE c.model_id = $1 AND p.perturbation = 'hflip'`,
        [m.modelId],
      )
    ).rows as [{ flips: string; clean: string; perturbed: string }];
    assert.equal(m.flips.flips, Number(flips), m.modelId);
    assert.ok(m.accuracy.value !== null);
    assert.equal(m.accuracy.clean, Number(clean) / 28);
    assert.equal(m.accuracy.perturbed, Number(perturbed) / 28);
  }

  // Clean labels taken from the identity perturbation give the very same hflip numbers.
  const viaIdentity = cli(['robustness', 'report', '--dataset', 'mini', '--models', MODELS.join(','), '--suite', 'hflip', '--clean-from', 'blur(sigma=0)', '--json'], env);
  assert.equal(viaIdentity.code, 0, viaIdentity.stderr);
  const reported = (JSON.parse(viaIdentity.stdout) as { perturbations: { kappaBootstrap: unknown }[] }[])[0]?.perturbations ?? [];
  assert.deepEqual(reported.map(({ kappaBootstrap: _, ...p }) => p), [JSON.parse(JSON.stringify(flipped))]);
  assert.deepEqual(reported[0]?.kappaBootstrap, JSON.parse(JSON.stringify(pairedKappaBootstrap(flipped.paired, MODELS.length, { resamples: 1000, seed: 1 }))), 'the report’s κ CIs: the paired bootstrap, 1,000 resamples, seed 1');

  const readme = path.join(dir, 'README.md');
  writeFileSync(readme, 'before\n<!-- robustness-table:start -->\nold\n<!-- robustness-table:end -->\nafter\n');
  const report = cli(['robustness', 'report', '--dataset', 'mini', '--write', readme, '--note', 'test subset'], env);
  assert.equal(report.code, 0, report.stderr);
  const text = readFileSync(readme, 'utf8');
  assert.match(text, /^before\n<!-- robustness-table:start -->\n\*\*mini\*\* \(content sha256 `[0-9a-f]{12}`; 2 models: `mini-xception-119` `[0-9a-f]{8}`, `mobilefacenet-int8` `[0-9a-f]{8}`; labels neutral, happiness, sadness, surprise, fear, disgust, anger; test subset\)/);
  assert.ok(text.includes('| perturbation | faces | κ clean [CI] | κ perturbed [CI] | Δκ [paired CI] | mean flip rate |'), text);
  const identityRow = new RegExp(`\\| \`blur\\(sigma=0\\)\` \\| 28 \\| ${k.kappa?.toFixed(3)} (\\[[-−0-9.]+, [-−0-9.]+\\]) \\| ${k.kappa?.toFixed(3)} (\\[[-−0-9.]+, [-−0-9.]+\\]) \\| \\+0\\.000 \\[\\+0\\.000, \\+0\\.000\\] \\| 0\\.000 \\|`);
  const identityMatch = identityRow.exec(text);
  assert.ok(identityMatch !== null, text);
  assert.equal(identityMatch[1], identityMatch[2], 'the identity: κ clean and perturbed have the same CI');
  assert.match(text, /\| `hflip` \| 28 \| /);
  assert.match(text, /\| `mask\(kind=surgical\)` \| \d+ \| /);
  assert.match(text, /\n<!-- robustness-table:end -->\nafter\n$/);
});
