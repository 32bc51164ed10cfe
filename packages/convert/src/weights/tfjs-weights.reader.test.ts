import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import type { io } from '@tensorflow/tfjs';
import { tfjsCpu } from '../parity/tfjs-reference.js';
import { readTfjsWeights, type TfjsWeightGroup } from './tfjs-weights.reader.js';

/** Every weight equals what TF.js itself decodes (tf.io.decodeWeights), value for value. */
async function assertDecodesLikeTfjs(manifestPath: string, manifest: TfjsWeightGroup[]): Promise<number> {
  const tf = await tfjsCpu();
  const ours = await readTfjsWeights(path.dirname(manifestPath), manifest);
  let checked = 0;
  for (const group of manifest) {
    const data = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(path.join(path.dirname(manifestPath), p)))));
    const theirs = tf.io.decodeWeights(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), group.weights as io.WeightsManifestEntry[]);
    for (const spec of group.weights) {
      const expected = theirs[spec.name];
      const actual = ours.get(spec.name);
      assert.ok(expected && actual, spec.name);
      assert.deepEqual(actual.shape, expected.shape, spec.name);
      assert.deepEqual([...actual.data], [...expected.dataSync()], spec.name);
      checked++;
    }
  }
  return checked;
}

describe('TF.js weights reader', () => {
  it('decodes float16-quantized weights (GEAR eModel) exactly as TF.js does', async (t) => {
    const file = fixture(t, 'models', 'gear-predictor-eModel', 'tfjs', 'gear-e2.json');
    if (!file) return;
    const json = JSON.parse(await readFile(file, 'utf8')) as { weightsManifest: TfjsWeightGroup[] };
    assert.ok(json.weightsManifest.some((g) => g.weights.some((w) => w.quantization?.dtype === 'float16')));
    assert.equal(await assertDecodesLikeTfjs(file, json.weightsManifest), 39);
  });

  it("decodes uint8-quantized weights (face-api's expression net) exactly as TF.js does", async (t) => {
    const file = fixture(t, 'models', 'faceapi-face-expression', 'face_expression_model-weights_manifest.json');
    if (!file) return;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as TfjsWeightGroup[];
    assert.ok(manifest.some((g) => g.weights.some((w) => w.quantization?.dtype === 'uint8')));
    assert.equal(await assertDecodesLikeTfjs(file, manifest), 49);
  });
});
