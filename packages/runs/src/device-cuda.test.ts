import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseExecutionProviders } from '@ferbench/inference';
import { testDatabaseHooks } from '@ferbench/testkit';
import { runModels } from './run-models.js';

const db = testDatabaseHooks('runs_device_cuda');

test('--device cuda without the CUDA execution provider fails before any run is recorded, saying how to run on the CPU', async (t) => {
  try {
    chooseExecutionProviders('cuda');
    t.skip('the CUDA execution provider is installed here: the clear failure cannot be seen');
    return;
  } catch {
    // expected on a machine without the provider (every CI machine of this project)
  }
  await db.pool.query(`INSERT INTO datasets (id, name, format, root, label_map) VALUES ('d', 'd', 'imagefolder', '/nowhere', '{}')`);
  await assert.rejects(runModels(db.pool, { datasets: 'all', models: 'all', modelsDir: '/nowhere', device: 'cuda', progress: false }), (error: Error) => {
    assert.match(error.message, /^device cuda: this onnxruntime-node has no CUDA execution provider .*Run with --device cpu \(or FERBENCH_DEVICE=cpu\)\.$/s);
    return true;
  });
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM runs');
  assert.equal(rows[0]?.n, 0);
});
