import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createApiToken } from '@ferbench/jobs';
import { onnxShapedBytes } from '../../testing/onnx-shaped.js';
import { type SubmissionApi, startSubmissionApi, uploadModel } from '../../testing/submission-api.js';
import { MAX_WAITING_UPLOADS } from './submission.service.js';

let api: SubmissionApi;
before(async () => {
  api = await startSubmissionApi('api_upload_quota', 1024 * 1024);
});
after(async () => {
  // The uploads this test leaves waiting are removed with the data folder.
  await api?.stop();
});

test(`a token may have ${MAX_WAITING_UPLOADS} uploads waiting; the next is 429 with a code, other tokens are not held back`, async () => {
  const ids: string[] = [];
  for (let k = 0; k < MAX_WAITING_UPLOADS; k++) {
    const upload = await uploadModel(api, onnxShapedBytes(200 + k));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    ids.push(upload.body.upload!.id);
  }
  const refused = await uploadModel(api, onnxShapedBytes(300));
  assert.equal(refused.status, 429);
  assert.equal(refused.body.error?.code, 'TOO_MANY_REQUESTS');
  assert.equal(refused.body.error?.reason, 'UPLOAD_QUOTA_REACHED');
  assert.match(refused.body.error!.message, new RegExp(`^This token has ${MAX_WAITING_UPLOADS} uploads waiting to be submitted; at most ${MAX_WAITING_UPLOADS} may wait at once\\.`));
  assert.equal(api.files().filter((f) => f.startsWith('uploads')).length, MAX_WAITING_UPLOADS, 'the refused upload left no file');

  const { token: other } = await createApiToken(api.runner.pool, 'another');
  assert.equal((await uploadModel(api, onnxShapedBytes(300), other)).status, 201, "another token's quota is its own");

  // One upload gone (submitted or expired): room for one more.
  const [tokenDir] = api.files().filter((f) => f.includes(`${ids[0]}.onnx`));
  rmSync(path.join(api.dataDir, tokenDir!));
  assert.equal((await uploadModel(api, onnxShapedBytes(301))).status, 201);
  assert.equal((await uploadModel(api, onnxShapedBytes(302))).status, 429);
});
