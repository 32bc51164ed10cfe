import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadTest } from './load-generator.js';
import { mergeSummary } from './summary-file.js';

test('loadTest: every 2xx answer is a latency, every other answer an error; req/s over the window', async () => {
  let served = 0;
  const server = createServer((_req, res) => {
    const n = ++served;
    // Every third request fails; each answer takes about 20 ms.
    setTimeout(() => res.writeHead(n % 3 === 0 ? 500 : 200).end('x'), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const figures = await loadTest({ name: 'local', send: (signal) => fetch(url, { signal }) }, 4, 0.5);
    assert.equal(figures.requests + figures.errors, served);
    assert.ok(Math.abs(figures.errors - served / 3) <= 1, `${figures.errors} errors of ${served}`);
    // No answer comes sooner than the server's 20 ms (the bounds below hold however busy the machine is).
    assert.ok(figures.p50Ms >= 19, `p50 ${figures.p50Ms}`);
    assert.ok(figures.p50Ms <= figures.p95Ms && figures.p95Ms <= figures.p99Ms);
    // 4 clients, each answer at least 20 ms: at most 200 answers per second.
    assert.ok(figures.reqPerS > 0 && figures.reqPerS <= 200, `${figures.reqPerS} req/s`);
  } finally {
    server.close();
  }
});

test('mergeSummary keeps the keys other benchmarks wrote and replaces its own', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-summary-'));
  try {
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({ runnerVsOrt: 0.66, leaderboardLoadVsHealthz: 0.1 }));
    const file = mergeSummary(dir, { leaderboardLoadVsHealthz: 0.7, dashboardLoadVsStatic: 0.9 });
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { runnerVsOrt: 0.66, leaderboardLoadVsHealthz: 0.7, dashboardLoadVsStatic: 0.9 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
