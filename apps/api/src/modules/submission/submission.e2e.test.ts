import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR } from '@ferbench/models';
import type { ModelCard } from '@ferbench/shared';
import { fixture } from '@ferbench/testkit';
import { graphqlRequest } from '../../testing/graphql-request.js';
import { onnxShapedBytes } from '../../testing/onnx-shaped.js';
import { type SubmissionApi, startSubmissionApi, uploadModel } from '../../testing/submission-api.js';

const LIMIT = 2 * 1024 * 1024;
let api: SubmissionApi;
let mini: { card: ModelCard; bytes: Buffer } | undefined;
let mobile: { card: ModelCard; bytes: Buffer } | undefined;

before(async () => {
  api = await startSubmissionApi('api_submission', LIMIT);
});
after(() => api?.stop());

/** A shipped card and its real ONNX file from the shared models, or a loud skip. */
async function shipped(t: Parameters<typeof fixture>[0], name: string) {
  const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, `${name}.json`));
  const file = fixture(t, 'models', card.file);
  return file === undefined ? undefined : { card, bytes: readFileSync(file) };
}

const SUBMIT = `mutation ($input: SubmitModelInput!) {
  submitModel(input: $input) { deduplicated submission { id status modelId sha256 reason log model { id name emotions } progress { datasetId } } }
}`;

/** submitModel as a client would; token null: without an Authorization header. */
async function submit(uploadId: string, card: object, token: string | null = api.token) {
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: SUBMIT, variables: { input: { uploadId, card } } }),
  });
  return (await response.json()) as { data?: { submitModel: { deduplicated: boolean; submission: { id: string; status: string; modelId: string; sha256: string } } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function rowCounts() {
  const { rows } = await api.runner.pool.query<{ models: number; submissions: number }>(
    'SELECT (SELECT count(*)::int FROM models) AS models, (SELECT count(*)::int FROM submissions) AS submissions',
  );
  return rows[0]!;
}

/** The point of every rejection test: no file and no row were kept. */
async function assertNothingKept(before: { models: number; submissions: number }, modelFiles: string[] = []) {
  assert.deepEqual(await rowCounts(), before);
  assert.deepEqual(api.files().sort(), modelFiles.sort());
}

test('without a valid token nothing can be uploaded or submitted', async () => {
  const before = await rowCounts();
  const missing = await uploadModel(api, randomBytes(100), null);
  assert.equal(missing.status, 401);
  assert.equal(missing.body.error?.reason, 'TOKEN_MISSING');
  assert.match(missing.body.error!.message, /needs an API token: send "Authorization: Bearer <token>".*ferbench token create/);
  const wrong = await uploadModel(api, randomBytes(100), 'fbt_not-a-token');
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error?.reason, 'TOKEN_INVALID');

  const uploaded = await uploadModel(api, onnxShapedBytes(100));
  assert.equal(uploaded.status, 201);
  const response = await submit(uploaded.body.upload!.id, { id: 'x' }, null);
  assert.equal(response.errors?.[0]?.extensions.code, 'UNAUTHENTICATED');
  assert.equal(response.errors?.[0]?.extensions.reason, 'TOKEN_MISSING');
  // Another token cannot take the upload over either.
  const { rows } = await api.runner.pool.query("UPDATE api_tokens SET revoked_at = now() WHERE name = 'tester' RETURNING id");
  assert.equal(rows.length, 1);
  const revoked = await submit(uploaded.body.upload!.id, { id: 'x' });
  assert.equal(revoked.errors?.[0]?.extensions.reason, 'TOKEN_INVALID');
  await api.runner.pool.query("UPDATE api_tokens SET revoked_at = NULL WHERE name = 'tester'");
  // The upload itself waits (an hour) for its own token; submitting garbage discards it.
  assert.equal((await submit(uploaded.body.upload!.id, { id: 'x' })).errors?.[0]?.extensions.reason, 'CARD_INVALID');
  await assertNothingKept(before);
});

test('an upload over the size limit is refused with 413 and no partial file is kept', async () => {
  const before = await rowCounts();
  const big = await uploadModel(api, new Uint8Array(LIMIT + 1));
  assert.equal(big.status, 413);
  assert.equal(big.body.error?.reason, 'UPLOAD_TOO_LARGE');
  assert.equal(big.body.error?.message, "The model file is larger than this server's limit of 2 MiB (FERBENCH_MAX_UPLOAD_BYTES); nothing was kept.");

  // Without a Content-Length (a streamed body) the limit is enforced while reading.
  const chunks = [new Uint8Array(LIMIT / 2), new Uint8Array(LIMIT / 2), new Uint8Array(10)];
  const streamed = await fetch(new URL('/model-uploads', api.server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: new ReadableStream({ pull: (c) => (chunks.length > 0 ? c.enqueue(chunks.shift()!) : c.close()) }),
    duplex: 'half',
  } as RequestInit).catch((error: unknown) => error);
  // The server stops reading at the limit; the client sees the 413, or the connection closed under its body.
  if (streamed instanceof Response) assert.equal(streamed.status, 413);
  await assertNothingKept(before);
  const exact = await uploadModel(api, onnxShapedBytes(LIMIT));
  assert.equal(exact.status, 201, 'exactly the limit is allowed');
  assert.equal(exact.body.upload!.sha256, createHash('sha256').update(onnxShapedBytes(LIMIT)).digest('hex'));
  assert.equal((await submit(exact.body.upload!.id, {})).errors?.[0]?.extensions.reason, 'CARD_INVALID');
  await assertNothingKept(before);
});

test('bytes that are not ONNX are refused at upload (400 naming the file and what was expected) and nothing is kept', async () => {
  const before = await rowCounts();
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(200)]);
  for (const junk of [randomBytes(4096), png, Buffer.from('not a model\n'), new Uint8Array(1000)]) {
    const refused = await uploadModel(api, junk);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error?.code, 'BAD_USER_INPUT');
    assert.equal(refused.body.error?.reason, 'UPLOAD_NOT_ONNX');
    const sha256 = createHash('sha256').update(junk).digest('hex');
    assert.ok(
      refused.body.error!.message.startsWith(`The uploaded file (${junk.length} bytes, sha256 ${sha256.slice(0, 12)}…) is not an ONNX model: expected the bytes of a .onnx file`),
      refused.body.error!.message,
    );
    assert.match(refused.body.error!.message, /nothing was kept:\n {2}- \S/);
    await assertNothingKept(before);
  }
});

test('a file shaped like ONNX that onnxruntime cannot load is refused at submit, naming its complaint, and nothing is kept', async (t) => {
  mini ??= await shipped(t, 'mini-xception-119');
  if (mini === undefined) return;
  const before = await rowCounts();
  const garbage = onnxShapedBytes(4096);
  const uploaded = await uploadModel(api, garbage);
  assert.equal(uploaded.status, 201);
  const sha256 = createHash('sha256').update(garbage).digest('hex');
  assert.equal(uploaded.body.upload?.sha256, sha256);
  assert.equal(uploaded.body.upload?.graph, null, 'onnxruntime cannot read it, so the upload describes no graph');
  const response = await submit(uploaded.body.upload!.id, { ...mini.card, id: 'garbage', sha256 });
  assert.equal(response.errors?.[0]?.extensions.reason, 'ONNX_UNREADABLE');
  assert.match(response.errors![0]!.message, /^The uploaded file is not an ONNX model onnxruntime can load; nothing was kept:\n {2}- /);
  assert.doesNotMatch(response.errors![0]!.message, new RegExp(api.dataDir), 'no server path reaches the client');
  await assertNothingKept(before);
});

test('a card that contradicts the file (graph or sha256) or is invalid is refused field by field, and nothing is kept', async (t) => {
  mini ??= await shipped(t, 'mini-xception-119');
  if (mini === undefined) return;
  const before = await rowCounts();
  const wrongGraph = { ...mini.card, id: 'wrong', input: { ...mini.card.input, name: 'image', width: 64 } };
  let response = await submit((await uploadModel(api, mini.bytes)).body.upload!.id, wrongGraph);
  assert.equal(response.errors?.[0]?.extensions.code, 'BAD_USER_INPUT');
  assert.equal(response.errors?.[0]?.extensions.reason, 'CARD_CONTRADICTS_FILE');
  assert.match(response.errors![0]!.message, /does not describe the uploaded file; nothing was kept:/);
  assert.match(response.errors![0]!.message, /- input\.name: the graph has no input "image" \(its inputs: input_1\)/);
  await assertNothingKept(before);

  response = await submit((await uploadModel(api, mini.bytes)).body.upload!.id, { ...mini.card, id: 'wrong', sha256: '0'.repeat(64) });
  assert.match(response.errors?.[0]?.message ?? '', new RegExp(`- sha256: the card says 0{64}, the file's is ${mini.card.sha256}`));
  await assertNothingKept(before);

  const { output, ...noOutput } = mini.card;
  response = await submit((await uploadModel(api, mini.bytes)).body.upload!.id, { ...noOutput, id: 'Bad Id' });
  assert.equal(response.errors?.[0]?.extensions.reason, 'CARD_INVALID');
  assert.match(response.errors![0]!.message, /- id: expected a slug/);
  assert.match(response.errors![0]!.message, /- output\.name: expected a non-empty string/);
  assert.ok(output);
  await assertNothingKept(before);
});

test('a valid submission is registered, stored once under models/<sha256>.onnx and queued; the same file again is deduplicated', async (t) => {
  mini ??= await shipped(t, 'mini-xception-119');
  mobile ??= await shipped(t, 'mobilefacenet-int8');
  if (mini === undefined || mobile === undefined) return;
  const card = { ...mini.card, id: 'mini-sub', name: 'mini submitted' };
  const upload = (await uploadModel(api, mini.bytes)).body.upload!;
  // What a form prefills the card with: the graph as onnxruntime reads it, the card's names and NHWC 48×48×1 (the
  // batch is a symbolic dimension the converter named).
  assert.deepEqual(upload.graph, {
    inputs: [{ name: mini.card.input.name, type: 'float32', shape: ['unk__189', 48, 48, 1] }],
    outputs: [{ name: mini.card.output.name, type: 'float32', shape: ['unk__190', 7] }],
  });
  const first = await submit(upload.id, card);
  const accepted = first.data!.submitModel;
  assert.equal(accepted.deduplicated, false);
  assert.deepEqual(
    { ...accepted.submission, id: undefined },
    { id: undefined, status: 'QUEUED', modelId: 'mini-sub', sha256: mini.card.sha256, reason: null, log: '', progress: [], model: { id: 'mini-sub', name: 'mini submitted', emotions: ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'] } },
  );
  const modelFile = path.join('models', `${mini.card.sha256}.onnx`);
  assert.deepEqual(api.files(), [modelFile]);
  assert.deepEqual(readFileSync(path.join(api.dataDir, modelFile)), mini.bytes);
  const { rows: jobs } = await api.runner.pool.query<{ task_identifier: string; key: string }>('SELECT task_identifier, key FROM graphile_worker.jobs');
  assert.deepEqual(jobs, [{ task_identifier: 'ferbench.plan-submission', key: `ferbench.plan-submission:${accepted.submission.id}` }]);
  const { rows: registered } = await api.runner.pool.query<{ card: ModelCard }>("SELECT card FROM models WHERE id = 'mini-sub'");
  assert.equal(registered[0]!.card.file, path.join(api.dataDir, modelFile), 'the runner finds the file where the card says');

  const again = await submit((await uploadModel(api, mini.bytes)).body.upload!.id, { ...card, id: 'another-id' });
  assert.equal(again.data!.submitModel.deduplicated, true);
  assert.equal(again.data!.submitModel.submission.id, accepted.submission.id);
  assert.deepEqual(api.files(), [modelFile], 'the second upload is gone');

  const before = await rowCounts();
  const clash = await submit((await uploadModel(api, mobile.bytes)).body.upload!.id, { ...mobile.card, id: 'mini-sub' });
  assert.equal(clash.errors?.[0]?.extensions.code, 'CONFLICT');
  assert.match(clash.errors![0]!.message, /A model with id "mini-sub" is registered already/);
  const sameName = await submit((await uploadModel(api, mobile.bytes)).body.upload!.id, { ...mobile.card, id: 'mobile-sub', name: 'mini submitted', version: mini.card.version });
  assert.equal(sameName.errors?.[0]?.extensions.reason, 'MODEL_NAME_TAKEN');
  await assertNothingKept(before, [modelFile]);

  const listed = await graphqlRequest<{ submissions: { id: string }[]; submission: { status: string; card: { id: string } } }>(
    api.server.url,
    `query ($id: ID!) { submissions(status: QUEUED) { id } submission(id: $id) { status card } }`,
    { id: accepted.submission.id },
  );
  assert.deepEqual(listed.data?.submissions, [{ id: accepted.submission.id }]);
  assert.equal(listed.data?.submission.card.id, 'mini-sub');
});
