import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { InferenceError, InferenceErrorCode, readModelCard } from '@ferbench/inference';
import { type ModelCard, ModelCardError } from '@ferbench/shared';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { addModel } from './add-model.js';
import { SHIPPED_CARDS_DIR, shippedCardFiles } from './shipped-cards.js';

const db = testDatabaseHooks('runner_model');

const miniCard = () => readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));

test('the shipped cards are valid, and each registers against its real ONNX file', async (t) => {
  const models = fixture(t, 'models');
  if (models === undefined) return;
  const files = shippedCardFiles();
  assert.deepEqual(files.map((f) => path.basename(f)), ['mini-xception-119.json', 'mobilefacenet-int8-aligned.json', 'mobilefacenet-int8.json']);
  for (const file of files) {
    const card = await readModelCard(file);
    const result = await addModel(db.pool, { onnxFile: path.join(models, card.file), card: file });
    assert.equal(result.sha256, card.sha256);
  }
  const again = await addModel(db.pool, { onnxFile: path.join(models, (await miniCard()).file), card: await miniCard() });
  assert.equal(again.outcome, 'unchanged');
  const { rows } = await db.pool.query<{ id: string; sha256: string; version: string }>('SELECT id, sha256, version FROM models ORDER BY id');
  assert.deepEqual(rows.map((r) => [r.id, r.version]), [['mini-xception-119', '119-0.65'], ['mobilefacenet-int8', '2022july-int8'], ['mobilefacenet-int8-aligned', '2022july-int8-aligned']]);
  // one ONNX file, two ids: the same MobileFaceNet with and without alignment
  assert.equal(rows[1]?.sha256, rows[2]?.sha256);
});

test('card validation errors name every bad field', async () => {
  const card = { ...(await miniCard()), id: 'Bad Id', input: { ...(await miniCard()).input, layout: 'NWHC', std: [0] } };
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-card-'));
  try {
    const file = path.join(dir, 'card.json');
    writeFileSync(file, JSON.stringify(card));
    await assert.rejects(addModel(db.pool, { onnxFile: '/nonexistent.onnx', card: file }), (error: unknown) => {
      assert.ok(error instanceof ModelCardError);
      assert.match(error.message, /^ {2}- id: /m);
      assert.match(error.message, /^ {2}- input\.layout: expected one of "NCHW", "NHWC"/m);
      assert.match(error.message, /^ {2}- input\.std: a standard deviation of 0/m);
      return true;
    });
    writeFileSync(file, '{ not json');
    await assert.rejects(addModel(db.pool, { onnxFile: '/nonexistent.onnx', card: file }), /is not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a card whose sha256 is not the file is refused', async (t) => {
  const models = fixture(t, 'models');
  if (models === undefined) return;
  const card = await miniCard();
  await assert.rejects(addModel(db.pool, { onnxFile: path.join(models, card.file), card: { ...card, sha256: '0'.repeat(64) } }), (error: unknown) => {
    assert.ok(error instanceof InferenceError && error.code === InferenceErrorCode.Sha256Mismatch);
    assert.match(error.message, new RegExp(`the card says 0{64}, .* is ${card.sha256}`));
    return true;
  });
});

test("a card that disagrees with the ONNX graph's inputs and outputs is refused, naming the fields", async (t) => {
  const models = fixture(t, 'models');
  if (models === undefined) return;
  const mini = await miniCard();
  const wrong: ModelCard = {
    ...mini,
    input: { ...mini.input, name: 'image', width: 64, height: 64 },
    output: { ...mini.output, name: 'probs', labels: [...mini.output.labels, 'contempt'], labelMap: { ...mini.output.labelMap, contempt: 'contempt' } },
  };
  await assert.rejects(addModel(db.pool, { onnxFile: path.join(models, mini.file), card: wrong }), (error: unknown) => {
    assert.ok(error instanceof InferenceError && error.code === InferenceErrorCode.OnnxMismatch);
    assert.match(error.message, /input\.name: the graph has no input "image" \(its inputs: input_1\)/);
    assert.match(error.message, /output\.name: the graph has no output "probs" \(its outputs: predictions\)/);
    return true;
  });
  const sized: ModelCard = { ...mini, input: { ...mini.input, width: 64, height: 64 }, output: { ...mini.output, labels: mini.output.labels.slice(0, 6), labelMap: { ...mini.output.labelMap } } };
  delete (sized.output.labelMap as Record<string, unknown>).neutral;
  await assert.rejects(addModel(db.pool, { onnxFile: path.join(models, mini.file), card: sized }), (error: unknown) => {
    assert.match(String(error), /input\.height: card says 64, the graph's "input_1" has 48 on axis 1/);
    assert.match(String(error), /input\.width: card says 64, the graph's "input_1" has 48 on axis 2/);
    assert.match(String(error), /output\.labels: card lists 6 labels, the graph's "predictions" has 7 classes/);
    return true;
  });
  const mfn = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mobilefacenet-int8.json'));
  await assert.rejects(addModel(db.pool, { onnxFile: path.join(models, mfn.file), card: { ...mfn, input: { ...mfn.input, layout: 'NHWC', batch: 'dynamic' } } }), (error: unknown) => {
    assert.match(String(error), /input\.batch: card says dynamic, the graph's "data" has 1 on axis 0/);
    assert.match(String(error), /input\.height: card says 112, the graph's "data" has 3 on axis 1/);
    assert.match(String(error), /input\.channels: card says 3, the graph's "data" has 112 on axis 3/);
    return true;
  });
});
