import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, test } from 'node:test';
import { type SeededApi, startSeededApi } from '../testing/seeded-api.js';

// The reproductions: each of these client errors used to answer 500 and be logged as a fault.
let api: SeededApi;
const faults: unknown[] = [];
before(async () => {
  api = await startSeededApi('api_client_errors', { logError: (error) => faults.push(error) });
});
after(() => api?.stop());
beforeEach(() => {
  faults.length = 0;
});

interface ErrorBody {
  error?: { code: string; message: string };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: ErrorBody }> {
  const response = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

const query = (q: string, variables: Record<string, unknown> = {}) => post(JSON.stringify({ query: q, variables }));

function assertNoFaults() {
  assert.deepEqual(faults, [], 'a client error was logged as a fault');
}

test('a malformed JSON body: 400 with a code saying so, not logged as a fault', async () => {
  const { status, body } = await post('{"query": "{ datasets { id } "');
  assert.equal(status, 400);
  assert.equal(body.error?.code, 'BAD_REQUEST_BODY');
  assert.match(body.error?.message ?? '', /not valid JSON/);
  assertNoFaults();
});

test('a body over the limit: 413 JSON, whether its length is declared or it comes chunked', async () => {
  const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } });
  const declared = await post(big);
  assert.equal(declared.status, 413);
  assert.equal(declared.body.error?.code, 'PAYLOAD_TOO_LARGE');
  assert.match(declared.body.error?.message ?? '', /at most 1 MiB/);

  // No Content-Length: the limit counts the bytes as they stream.
  const chunked = await new Promise<{ status: number; body: ErrorBody; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.request(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as ErrorBody, headers: response.headers }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    const piece = 'x'.repeat(64 * 1024);
    let sent = 0;
    const write = () => {
      while (sent < 5 * 1024 * 1024) {
        sent += piece.length;
        if (!request.write(sent === piece.length ? `{"query":"{ __typename }","pad":"${piece}` : piece)) return void request.once('drain', write);
      }
      request.end('"}');
    };
    write();
  });
  assert.equal(chunked.headers['content-length'] === undefined ? 'none' : 'declared', 'declared', 'the refusal itself has a length');
  assert.equal(chunked.status, 413);
  assert.equal(chunked.body.error?.code, 'PAYLOAD_TOO_LARGE');
  assertNoFaults();
});

test('/images/%ZZ (not a URL encoding): 400 naming the path, not a fault', async () => {
  const response = await fetch(new URL('/images/%ZZ', api.server.url));
  assert.equal(response.status, 400);
  const body = (await response.json()) as ErrorBody;
  assert.equal(body.error?.code, 'BAD_REQUEST');
  assert.match(body.error?.message ?? '', /%ZZ/);
  assertNoFaults();
});

test('a NUL byte in a variable or in a string literal: 400 BAD_USER_INPUT before it reaches Postgres', async () => {
  const viaVariable = await query('query ($id: ID!) { image(id: $id) { id } }', { id: '1\u0000' });
  assert.equal(viaVariable.status, 400);
  assert.equal(viaVariable.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(viaVariable.body.errors?.[0]?.message ?? '', /^Variable \$id holds a NUL character/);

  const nested = await query('query ($f: ImageFilter) { images(dataset: "tiny", filter: $f) { edges { cursor } } }', { f: { goldLabel: 'happiness\u0000' } });
  assert.equal(nested.status, 400);
  assert.equal(nested.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(nested.body.errors?.[0]?.message ?? '', /^Variable \$f\.goldLabel holds/);

  const viaLiteral = await query('{ dataset(id: "tiny\\u0000") { id } }');
  assert.equal(viaLiteral.status, 400);
  assert.equal(viaLiteral.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(viaLiteral.body.errors?.[0]?.message ?? '', /NUL/);
  assertNoFaults();
});

test('a bad enum value or a wrongly typed variable: 400 BAD_USER_INPUT', async () => {
  const badEnum = await query('query ($o: ImageOrder) { images(dataset: "tiny", orderBy: $o) { edges { cursor } } }', { o: { field: 'LOUDNESS' } });
  assert.equal(badEnum.status, 400);
  assert.equal(badEnum.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(badEnum.body.errors?.[0]?.message ?? '', /LOUDNESS/);

  const badType = await query('query ($n: Int) { images(dataset: "tiny", first: $n) { edges { cursor } } }', { n: 'ten' });
  assert.equal(badType.status, 400);
  assert.equal(badType.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assertNoFaults();
});

test('the complexity refusal is a 400 with its code, not a fault', async () => {
  const face = 'node { id url goldLabel votes entropyBits predictions { label probability model { id } } }';
  const pages = Array.from({ length: 12 }, (_, k) => `p${k}: images(dataset: "tiny", first: 100) { edges { cursor ${face} } }`).join(' ');
  const { status, body } = await query(`{ ${pages} }`);
  assert.equal(status, 400);
  assert.equal(body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX', JSON.stringify(body));
  assertNoFaults();
});
