import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import * as ort from 'onnxruntime-node';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { convertModel } from '../convert-model.js';

const WEIGHTS = ['jofischer-rafdb', 'RAF_0124-1008_weights.h5'] as const;
/** The architecture the zoo ships for this file (packages/models/zoo/architectures), read as plain JSON here. */
const ARCHITECTURE = path.resolve(__dirname, '..', '..', '..', 'models', 'zoo', 'architectures', 'jofischer-rafdb.json');

type Layer = { class_name: string; config: Record<string, unknown> };

async function withArchitecture(t: { after(fn: () => Promise<void>): void }, edit: (layers: Layer[]) => void): Promise<string> {
  const json = JSON.parse(await readFile(ARCHITECTURE, 'utf8')) as { config: { layers: Layer[] } };
  edit(json.config.layers);
  const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-weights-only-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'model.json');
  await writeFile(file, JSON.stringify(json));
  return file;
}

const layer = (layers: Layer[], name: string) => layers.find((l) => l.config['name'] === name)!;

describe('Keras weights-only HDF5 + architecture JSON', () => {
  it('converts with every weight assigned: 670,183 parameters, a softmax over 7 classes', async (t) => {
    const weights = fixture(t, 'models', ...WEIGHTS);
    if (!weights) return;
    const bytes = await convertModel(weights, 'keras', { architecture: ARCHITECTURE });
    const session = await ort.InferenceSession.create(bytes);
    const input = new Float32Array(2 * 100 * 100 * 3).map((_, i) => Math.sin(i) * 2);
    const out = (await session.run({ input_1: new ort.Tensor('float32', input, [2, 100, 100, 3]) }))['softmax']!;
    assert.deepEqual(out.dims, [2, 7]);
    const row = [...(out.data as Float32Array).subarray(0, 7)];
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    await session.release();
  });

  it('names the first layer and weight whose shape does not fit', async (t) => {
    const weights = fixture(t, 'models', ...WEIGHTS);
    if (!weights) return;
    const architecture = await withArchitecture(t, (layers) => (layer(layers, 'block2_conv1_conv').config['filters'] = 80));
    await assert.rejects(convertModel(weights, 'keras', { architecture }), (error: unknown) => {
      assert.ok(error instanceof ConversionError);
      assert.equal(error.code, ConversionErrorCode.BadModelFile);
      assert.match(
        error.message,
        /does not fit the architecture: Conv2D layer 'block2_conv1_conv' weight 'kernel' \[3,3,64,80\] gets weight #13 'block2_conv1\/block2_conv1\/conv2d_2\/kernel:0', shaped \[3,3,64,96\]$/,
      );
      return true;
    });
  });

  it('refuses weights left over, naming the first', async (t) => {
    const weights = fixture(t, 'models', ...WEIGHTS);
    if (!weights) return;
    const architecture = await withArchitecture(t, (layers) => void layers.pop()); // ends at the pooling, no Dense
    await assert.rejects(convertModel(weights, 'keras', { architecture }), {
      code: ConversionErrorCode.BadModelFile,
      message: /RAF_0124-1008_weights\.h5 has 50 weights, the architecture uses 48: the first left over is #49 'softmax\/.*kernel:0' \[128,7\]$/,
    });
  });

  it('names an architecture that is not JSON, and refuses an architecture for another source format', async (t) => {
    const weights = fixture(t, 'models', ...WEIGHTS);
    if (!weights) return;
    const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-weights-only-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const notJson = path.join(dir, 'model.json');
    await writeFile(notJson, 'model = Sequential()');
    await assert.rejects(convertModel(weights, 'keras', { architecture: notJson }), {
      code: ConversionErrorCode.BadModelFile,
      message: /the architecture .*model\.json is not JSON \(expected a Keras model JSON as model\.to_json\(\) writes it\)/,
    });
    assert.throws(() => convertModel(weights, 'tflite', { architecture: notJson }), {
      code: ConversionErrorCode.UnsupportedConfig,
      message: 'an architecture file goes with a Keras weights-only file (--from keras), not --from tflite',
    });
  });

  it('without an architecture, says that the file is weights only', async (t) => {
    const weights = fixture(t, 'models', ...WEIGHTS);
    if (!weights) return;
    await assert.rejects(convertModel(weights, 'keras'), { code: ConversionErrorCode.BadModelFile, message: /has no model_config attribute \(a weights-only file: convert it with --architecture model\.json\)/ });
  });
});
