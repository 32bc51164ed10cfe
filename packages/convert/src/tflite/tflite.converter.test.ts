import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ByteBuffer } from 'flatbuffers';
import { fixture } from '@ferbench/testkit';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { convertKerasHdf5 } from '../keras/keras-hdf5.converter.js';
import { grayFacesBatch } from '../parity/fer-test-faces.js';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { FlatTable } from './flat-table.js';
import { ModelField, OperatorCodeField } from './tflite-schema.js';
import { convertTflite } from './tflite.converter.js';

const FOLDER = 'vicksam-ferplus-pd';
const FACES = 200;

const softmaxRows = (logits: Float32Array, k: number) => {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length / k; r++) {
    const row = logits.subarray(r * k, (r + 1) * k);
    const max = Math.max(...row);
    const exp = [...row].map((v) => Math.exp(v - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    exp.forEach((e, i) => (out[r * k + i] = e / sum));
  }
  return out;
};

describe('TFLite → ONNX', () => {
  it("vicksam's TFLite file and its Keras twin give the same outputs on 200 FER+ test faces (≤ 1e-4)", async (t) => {
    const tflite = fixture(t, 'models', FOLDER, 'ferplus_model_pd_best.tflite');
    const keras = fixture(t, 'models', FOLDER, 'ferplus_model_pd_best.h5');
    const faces = fixture(t, 'data', 'ferplus', 'FER2013Test');
    if (!tflite || !keras || !faces) return;
    const files = (await readdir(faces)).filter((f) => f.endsWith('.png')).sort();
    const step = files.length / FACES;
    const picked = Array.from({ length: FACES }, (_, i) => path.join(faces, files[Math.floor(i * step)]!));
    const input = await grayFacesBatch(picked, 48, 'unit');
    const dims = [FACES, 48, 48, 1];
    const fromTflite = await predictOnnx(await convertTflite(tflite), input, dims);
    const fromKeras = await predictOnnx(await convertKerasHdf5(keras), input, dims);
    assert.equal(fromTflite.length, FACES * 8);
    const logitDiff = maxAbsDiff(fromTflite, fromKeras);
    const probDiff = maxAbsDiff(softmaxRows(fromTflite, 8), softmaxRows(fromKeras, 8));
    t.diagnostic(`max |Δ logit| ${logitDiff.toExponential(2)}, max |Δp| ${probDiff.toExponential(2)} over ${FACES} faces`);
    assert.ok(logitDiff <= 1e-4, `logits differ by ${logitDiff}`);
    assert.ok(probDiff <= 1e-4, `probabilities differ by ${probDiff}`);
    // Not trivially equal: the two files were converted through different op sets.
    assert.ok(fromKeras.some((v) => Math.abs(v) > 1), 'the logits are not all near zero');
  });

  it('names an op it does not support (a real file with one op code rewritten to HARD_SWISH)', async (t) => {
    const tflite = fixture(t, 'models', FOLDER, 'ferplus_model_pd_best.tflite');
    if (!tflite) return;
    const bytes = new Uint8Array(await readFile(tflite));
    const bb = new ByteBuffer(bytes);
    const codes = FlatTable.root(bb).tables(ModelField.operatorCodes);
    const leaky = codes.find((c) => Math.max(c.int8(OperatorCodeField.deprecatedBuiltinCode), c.int32(OperatorCodeField.builtinCode)) === 98);
    assert.ok(leaky, 'the file uses LEAKY_RELU');
    const wide = leaky.positionOf(OperatorCodeField.builtinCode);
    const narrow = leaky.positionOf(OperatorCodeField.deprecatedBuiltinCode);
    if (wide !== undefined) bb.writeInt32(wide, 117);
    if (narrow !== undefined) bb.writeInt8(narrow, 117);
    const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-tflite-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'hard-swish.tflite');
    await writeFile(file, bytes);
    await assert.rejects(convertTflite(file), (error: unknown) => {
      assert.ok(error instanceof ConversionError);
      assert.equal(error.code, ConversionErrorCode.UnsupportedOp);
      assert.match(error.message, /hard-swish\.tflite: TFLite op HARD_SWISH \(operator 2\) is not supported; supported: .*LEAKY_RELU/);
      return true;
    });
  });

  it('refuses a file that is not TFLite', async (t) => {
    const keras = fixture(t, 'models', FOLDER, 'ferplus_model_pd_best.h5');
    if (!keras) return;
    await assert.rejects(convertTflite(keras), { code: ConversionErrorCode.BadModelFile, message: /ferplus_model_pd_best\.h5 is not a TFLite model \(no 'TFL3' file identifier\)/ });
  });
});
