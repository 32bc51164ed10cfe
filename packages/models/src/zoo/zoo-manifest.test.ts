import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import * as ort from 'onnxruntime-node';
import { SHIPPED_CARDS_DIR } from '../registry/shipped-cards.js';
import { loadZooManifest, ZOO_MANIFEST_PATH, zooSourceMismatches } from './load-zoo-manifest.js';
import { validateZooManifest, ZooManifestError } from './validate-zoo-manifest.js';
import { zooModelCard, zooModelCards, type ZooModel } from './zoo-manifest.js';
import { zooOnnxBytes } from './zoo-onnx.js';

const onnxOf = (model: ZooModel, modelsDir: string) => zooOnnxBytes(model, path.join(modelsDir, model.folder, model.convert.input));

describe('zoo manifest', () => {
  it('is valid and lists each model once', async () => {
    const manifest = await loadZooManifest();
    assert.equal(manifest.models.length, 10);
    assert.equal(new Set(manifest.models.map((m) => m.card.id)).size, 10);
  });

  it('covers every folder of the shared models, and every source file has the recorded size and sha256', async (t) => {
    const modelsDir = fixture(t, 'models');
    if (!modelsDir) return;
    const manifest = await loadZooManifest();
    const folders = (await readdir(modelsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepEqual(manifest.models.map((m) => m.folder).sort(), folders);
    const mismatches = (await Promise.all(manifest.models.map((m) => zooSourceMismatches(m, modelsDir)))).flat();
    assert.deepEqual(mismatches, []);
  });

  it("gives each model an ONNX whose input and output are the ones its card names, in the card's layout and size", async (t) => {
    const modelsDir = fixture(t, 'models');
    if (!modelsDir) return;
    for (const model of (await loadZooManifest()).models) {
      const { input, output } = model.card;
      const session: ort.InferenceSession = await ort.InferenceSession.create(await onnxOf(model, modelsDir));
      try {
        assert.deepEqual([session.inputNames, session.outputNames], [[input.name], [output.name]], model.card.id);
        const batch = input.batch === 'dynamic' ? 2 : input.batch;
        const dims = input.layout === 'NHWC' ? [batch, input.height, input.width, input.channels] : [batch, input.channels, input.height, input.width];
        const result = (await session.run({ [input.name]: new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims) }))[output.name];
        assert.ok(result, model.card.id);
        assert.deepEqual(result.dims, [batch, output.labels.length], model.card.id);
        if (output.kind === 'probabilities') {
          const row = [...(result.data as Float32Array).subarray(0, output.labels.length)];
          assert.ok(Math.abs(row.reduce((s, p) => s + p, 0) - 1) < 1e-5, `${model.card.id} outputs probabilities`);
        }
      } finally {
        await session.release();
      }
    }
  });

  it('agrees with the runner\'s shipped cards for the models that have one', async () => {
    const manifest = await loadZooManifest();
    for (const name of await readdir(SHIPPED_CARDS_DIR)) {
      const shipped = JSON.parse(await readFile(path.join(SHIPPED_CARDS_DIR, name), 'utf8')) as { id: string; file: string; sha256: string };
      // a model's own card or one of its variants (the same ONNX under another preprocessing)
      const model = manifest.models.find((m) => [m.card, ...(m.variants ?? [])].some((c) => c.id === shipped.id));
      assert.ok(model, `${shipped.id} is in the manifest`);
      const ready = model.sources.find((s) => s.file === model.convert.input);
      assert.equal(model.convert.from, 'ready', `${shipped.id}: the shipped card points at a ready ONNX`);
      assert.deepEqual(
        zooModelCards(model, shipped.file, ready?.sha256 ?? '').find((c) => c.id === shipped.id),
        shipped,
      );
    }
  });

  it('rejects a manifest listing every problem by its path', async () => {
    const manifest = JSON.parse(await readFile(ZOO_MANIFEST_PATH, 'utf8')) as { models: Record<string, any>[] };
    const [first, second] = manifest.models as [Record<string, any>, Record<string, any>];
    second['card'].id = first['card'].id;
    first['sources'][0].sha256 = 'not-a-hash';
    first['convert'] = { from: 'tfjs', input: first['sources'][0].file };
    delete first['card'].output.labelMap.neutral;
    assert.throws(
      () => validateZooManifest(manifest, 'broken.json'),
      (error: unknown) => {
        assert.ok(error instanceof ZooManifestError);
        const text = error.problems.join('\n');
        for (const expected of ['models[0].sources[0].sha256', 'models[0].convert.input: converting from tfjs needs a tfjs source', 'models[0].card.output.labelMap', 'models[1].card.id'])
          assert.ok(text.includes(expected), `reports ${expected}:\n${text}`);
        return true;
      },
    );
  });
});
