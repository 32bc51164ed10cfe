import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { installZoo, loadZooManifest } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { pgRows } from '@ferbench/scores';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { zooScores } from '../report/zoo-scores.js';

/**
 * The two zoo models trained on other labels than FER2013's, converted and run as `ferbench zoo install` and
 * `ferbench run` do, on their own benchmarks' full test splits: vicksam's FER+ CNN (authors: 0.877 on FER+ test)
 * and joh-fischer's RAF-DB CNN (authors: 0.821 on RAF-DB test). Far lower would mean a conversion (the weights-only
 * file's order, the logits) or preprocessing (per-channel mean/std, the cubic resize) bug.
 */
const db = testDatabaseHooks('runner_other_labels');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-other-labels-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('vicksam-ferplus-pd scores ≥ 0.85 on FER+ test and jofischer-rafdb ≥ 0.78 on RAF-DB test', { timeout: 600_000 }, async (t) => {
  const models = fixture(t, 'models');
  const ferplus = fixture(t, 'data', 'ferplus');
  const rafdb = fixture(t, 'data', 'rafdb');
  if (models === undefined || ferplus === undefined || rafdb === undefined) return;
  const manifest = await loadZooManifest();
  const cases = [
    { model: 'vicksam-ferplus-pd', dataset: 'ferplus', bound: 0.85 },
    { model: 'jofischer-rafdb', dataset: 'rafdb', bound: 0.78 },
  ];
  const installed = await installZoo(db.pool, { modelsDir: models, dataDir: dir, ids: cases.map((c) => c.model), manifest });
  assert.deepEqual(installed.map((r) => [r.id, r.status]), cases.map((c) => [c.model, 'installed']));
  await importDataset(db.pool, { format: 'ferplus', root: ferplus, split: 'test', dataDir: dir });
  await importDataset(db.pool, { format: 'rafdb', root: path.join(rafdb, 'basic') });
  for (const c of cases) await runModels(db.pool, { datasets: [c.dataset], models: [c.model], modelsDir: models, device: 'cpu' });

  const scores = await zooScores(pgRows(db.pool), manifest, cases.map((c) => c.dataset));
  for (const c of cases) {
    const s = scores.models.find((m) => m.id === c.model)?.scores[c.dataset];
    assert.ok(s?.accuracy !== undefined && s.accuracy !== null, `${c.model} has a score on ${c.dataset}`);
    t.diagnostic(`${c.model} on ${c.dataset} test: accuracy ${s.accuracy.toFixed(4)}, macro-F1 ${s.macroF1?.toFixed(4)}, n ${s.n}`);
    assert.ok(s.n > 3000, `${c.model}: the whole ${c.dataset} test split (n ${s.n})`);
    assert.ok(s.accuracy >= c.bound, `${c.model}: accuracy ${s.accuracy} < ${c.bound} on ${s.n} ${c.dataset} test faces`);
  }
});
