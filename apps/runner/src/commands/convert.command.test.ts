import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { convertModel } from '@ferbench/convert';
import { fixture } from '@ferbench/testkit';

const CLI = path.join(__dirname, '..', 'cli.js');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
/** The architecture the zoo ships for joh-fischer's weights-only file. */
const ARCHITECTURE = path.join(path.dirname(require.resolve('@ferbench/models/package.json')), 'zoo', 'architectures', 'jofischer-rafdb.json');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ferbench convert', () => {
  it('writes the ONNX file, prints its sha256, and gives the same bytes on every run and for every format', async (t) => {
    const models = fixture(t, 'models');
    if (!models) return;
    const out = await mkdtemp(path.join(tmpdir(), 'ferbench-convert-cli-'));
    t.after(() => rm(out, { recursive: true, force: true }));
    const cases = [
      ['keras', path.join(models, 'oarriaga-mini_XCEPTION_KDEF', 'mini_XCEPTION_KDEF.hdf5')],
      ['tfjs', path.join(models, 'gear-predictor-eModel', 'tfjs', 'gear-e2.json')],
      ['faceapi', path.join(models, 'faceapi-face-expression', 'face_expression_model-weights_manifest.json')],
      ['tflite', path.join(models, 'vicksam-ferplus-pd', 'ferplus_model_pd_best.tflite')],
      ['keras', path.join(models, 'jofischer-rafdb', 'RAF_0124-1008_weights.h5'), ARCHITECTURE],
    ] as const;
    for (const [from, input, architecture] of cases) {
      const file = path.join(out, 'nested', `${path.basename(input)}.onnx`);
      const result = await run(['convert', input, '--from', from, '--out', file, ...(architecture ? ['--architecture', architecture] : [])]);
      assert.equal(result.code, 0, result.stderr);
      const written = await readFile(file);
      assert.match(result.stdout, new RegExp(`sha256 ${sha256(written)}`));
      assert.equal(sha256(await convertModel(input, from, { architecture })), sha256(written), `${from}: same bytes in and out of the CLI`);
    }
  });

  it('fails with a message and exit code 1 on an input it cannot read', async () => {
    const result = await run(['convert', path.join(tmpdir(), 'no-such-model.h5'), '--from', 'keras', '--out', path.join(tmpdir(), 'never.onnx')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /ferbench: cannot read .*no-such-model\.h5/);
  });

  it('refuses an unknown source format', async () => {
    const result = await run(['convert', 'model.pb', '--from', 'caffe', '--out', 'x.onnx']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /argument 'caffe' is invalid\. Allowed choices are keras, tfjs, faceapi, tflite/);
  });
});
