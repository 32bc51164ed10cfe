import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { InferenceError } from '../inference-error.js';
import { readOnnxHeader } from './onnx-header.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-onnx-header-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function refusal(file: string): Promise<string> {
  const error = await readOnnxHeader(file).then(
    () => assert.fail(`${file} was taken for ONNX`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InferenceError, String(error));
  return error.message;
}

test('readOnnxHeader: real ONNX models read as ModelProto (ir_version, graph, opsets)', async (t) => {
  const mini = fixture(t, 'models', 'oarriaga-fer2013_mini_XCEPTION.119-0.65', 'onnx', 'fer2013_mini_XCEPTION.119-0.65.onnx');
  const mobile = fixture(t, 'models', 'opencv-zoo-fer-mobilefacenet-int8', 'facial_expression_recognition_mobilefacenet_2022july_int8.onnx');
  if (mini === undefined || mobile === undefined) return;
  for (const file of [mini, mobile]) {
    const header = await readOnnxHeader(file);
    assert.ok(header.irVersion >= 3 && header.irVersion <= 11, `ir_version ${header.irVersion}`);
    assert.ok(header.opsetImports >= 1);
    assert.ok(header.graphBytes > 0.5 * readFileSync(file).length, 'the graph holds most of the bytes');
  }
  // Cut short, the same bytes are refused: the graph's length runs past the end.
  assert.match(await refusal(written('cut.onnx', readFileSync(mini).subarray(0, 5000))), /graph declares \d+ bytes, past the end of the file \(5000 bytes\)/);
});

test('readOnnxHeader: images, text, zeros, random bytes and an empty file are refused, saying what was expected', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  assert.match(await refusal(written('x.png', png)), /^not an ONNX model \(a protobuf ModelProto\): it does not start with a ModelProto field \(first byte 0x89; an ONNX file starts with 0x08/);
  assert.match(await refusal(written('x.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="16000" height="16000"/>'))), /not an ONNX model/);
  assert.match(await refusal(written('zeros', new Uint8Array(4096))), /not an ONNX model/);
  assert.match(await refusal(written('empty', new Uint8Array(0))), /the file is empty/);
  for (let k = 0; k < 20; k++) await refusal(written(`random-${k}`, randomBytes(4096)));
  // Well-formed protobuf but no graph: not a model.
  assert.match(await refusal(written('no-graph', Uint8Array.from([0x08, 0x08, 0x12, 0x01, 0x78]))), /it has no graph/);
  assert.match(await refusal(written('bad-ir', Uint8Array.from([0x08, 0x00, 0x3a, 0x00]))), /ir_version 0 is not an ONNX IR version/);
  assert.deepEqual(await readOnnxHeader(written('smallest', Uint8Array.from([0x08, 0x08, 0x3a, 0x00]))), { irVersion: 8, graphBytes: 0, opsetImports: 0 });
});
