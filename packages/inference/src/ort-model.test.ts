import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fixture, shippedCardFile } from '@ferbench/testkit';
import { chooseExecutionProviders } from './execution-providers.js';
import { OrtModel } from './ort-model.js';
import { readModelCard } from './read-card.js';
import { tensorSize } from './tensor-layout.js';

const cpu = chooseExecutionProviders('cpu');

function pseudoRandom(n: number): Float32Array {
  let s = 42;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1);
}

for (const id of ['mini-xception-119', 'mobilefacenet-int8']) {
  test(`${id}: a batch of 3 gives what 3 single runs give (fixed-batch graphs are fed slice by slice)`, async (t) => {
    const models = fixture(t, 'models');
    if (models === undefined) return;
    const card = await readModelCard(shippedCardFile(`${id}.json`));
    const model = await OrtModel.open(card, path.join(models, card.file), cpu);
    try {
      const size = tensorSize(card.input);
      const batch = pseudoRandom(3 * size);
      const together = await model.predict(batch, 3);
      assert.equal(together.length, 3 * model.classCount);
      for (let i = 0; i < 3; i++) {
        const alone = await model.predict(batch.slice(i * size, (i + 1) * size), 1);
        const slice = together.subarray(i * model.classCount, (i + 1) * model.classCount);
        alone.forEach((v, k) => assert.ok(Math.abs(v - (slice[k] as number)) < 1e-4, `image ${i} class ${k}: ${v} vs ${slice[k]}`));
      }
      if (card.output.kind === 'probabilities') for (let i = 0; i < 3; i++) assert.ok(Math.abs(together.subarray(i * 7, i * 7 + 7).reduce((a, b) => a + b, 0) - 1) < 1e-4);
    } finally {
      await model.release();
    }
  });
}

test('cpu is always last in the provider list; cuda without its provider fails with a clear message', (t) => {
  assert.deepEqual(cpu, { providers: ['cpu'], chosen: 'cpu' });
  let cuda;
  try {
    cuda = chooseExecutionProviders('cuda');
  } catch (error) {
    assert.match(String(error), /device cuda: this onnxruntime-node has no CUDA execution provider.*--device cpu/s);
    return;
  }
  t.diagnostic('the CUDA execution provider is installed here');
  assert.deepEqual(cuda, { providers: ['cuda', 'cpu'], chosen: 'cuda' });
});
