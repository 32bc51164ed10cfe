import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { pairedKappaBootstrap, pairedPatterns } from '@ferbench/scores';
import { type PatternTable, tableAgreement } from '@ferbench/shared';
import { DomainError } from '../errors/domain-error.js';
import { mapDomainError } from '../errors/error-mapper.js';
import { AgreementComputer } from './agreement-computer.js';
import { ComputeErrorCode } from './compute.error.js';

/**
 * Up to `count` distinct vote patterns of `raters` raters over 4 labels (every face complete), weights varied by
 * `seed`: the bootstrap's cost is resamples × patterns.
 */
function completePatterns(count: number, raters = 6, seed = 1): PatternTable {
  const all: { counts: number[]; weight: number }[] = [];
  for (let x = 0; x <= raters && all.length < count; x++)
    for (let y = 0; x + y <= raters && all.length < count; y++)
      for (let z = 0; x + y + z <= raters && all.length < count; z++)
        all.push({ counts: [x, y, z, raters - x - y - z], weight: 1 + ((x * 7 + y * 3 + z + seed) % 5) });
  return { categories: ['a', 'b', 'c', 'd'], patterns: all };
}
const patterns = (count: number, seed: number) => completePatterns(count, 14, seed);

const computers: AgreementComputer[] = [];
after(() => Promise.all(computers.map((c) => c.close())));
const computer = (threads: number, maxQueue: number, timeoutMs: number) => {
  const c = new AgreementComputer({ threads, maxQueue, timeoutMs });
  computers.push(c);
  return c;
};

function computeError(code: ComputeErrorCode) {
  return (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

test('a bootstrap on the pool gives exactly the numbers tableAgreement gives on this thread; equal requests share one computation', async () => {
  const table = completePatterns(84);
  const pool = computer(1, 4, 60_000);
  const bootstrap = { resamples: 400, seed: 3, level: 0.95 };
  const [first, second] = await Promise.all([pool.agreement(table, 6, bootstrap), pool.agreement(table, 6, bootstrap)]);
  assert.deepEqual(first, tableAgreement(table, 6, { bootstrap }));
  assert.deepEqual(second, first);
  assert.equal(pool.computed, 1, 'two equal requests in flight: one bootstrap');
  assert.deepEqual(await pool.agreement(table, 6, bootstrap), first);
  assert.equal(pool.computed, 1, 'then from the cache');
  assert.notDeepEqual((await pool.agreement(table, 6, { ...bootstrap, seed: 4 })).bootstrap, first.bootstrap);
  assert.equal(pool.computed, 2, 'another seed is another bootstrap');
  // Without resamples nothing goes to the pool.
  assert.deepEqual(await pool.agreement(table, 6, undefined), tableAgreement(table, 6));
  assert.equal(pool.computed, 2);
});

test('a paired κ bootstrap on the pool gives exactly the numbers pairedKappaBootstrap gives on this thread, and is cached apart from agreement', async () => {
  const clean = completePatterns(30).patterns.map((p) => Array.from(p.counts));
  const perturbed = clean.map((row, i) => (i % 4 === 0 ? [...row.slice(1), row[0]!] : row));
  const table = pairedPatterns(['a', 'b', 'c', 'd'], clean, perturbed);
  const pool = computer(1, 4, 60_000);
  const bootstrap = { resamples: 300, seed: 2, level: 0.95 };
  const result = await pool.pairedKappa(table, 6, bootstrap);
  assert.deepEqual(result, pairedKappaBootstrap(table, 6, bootstrap));
  assert.ok(result.ci.delta.low !== null && result.ci.delta.low < result.delta! && result.delta! < result.ci.delta.high!);
  assert.deepEqual(await pool.pairedKappa(table, 6, bootstrap), result);
  assert.equal(pool.computed, 1, 'the second from the cache');
});

test('the queue is bounded: past it a request is refused at once with STATS_QUEUE_FULL (503)', async () => {
  const pool = computer(1, 1, 60_000);
  const heavy = { resamples: 3000, seed: 1 };
  const running = pool.agreement(patterns(400, 1), 14, heavy);
  const queued = pool.agreement(patterns(400, 2), 14, heavy);
  await assert.rejects(pool.agreement(patterns(400, 3), 14, heavy), (error: unknown) => {
    computeError(ComputeErrorCode.QueueFull)(error);
    const mapped = mapDomainError(error as DomainError);
    assert.equal(mapped.status, 503);
    assert.match(mapped.message, /^The server is busy with bootstrap CIs \(1 running, 1 waiting, the most it queues\)/);
    return true;
  });
  await Promise.all([running, queued]);
  assert.equal(pool.computed, 2);
});

test('a bootstrap past the timeout is stopped (its thread ended) with STATS_TIMED_OUT, and the pool goes on with a new thread', async () => {
  // 200 ms against a bootstrap that takes seconds on any machine (30,000 resamples of 2,000 patterns).
  const pool = computer(1, 2, 200);
  const started = performance.now();
  await assert.rejects(pool.agreement(patterns(2000, 5), 14, { resamples: 30_000, seed: 1 }), computeError(ComputeErrorCode.TimedOut));
  assert.ok(performance.now() - started < 5000, 'refused when the timeout passed, not when the bootstrap would have ended');
  assert.equal(pool.running, 0);
  const table = completePatterns(20);
  assert.deepEqual(await pool.agreement(table, 6, { resamples: 50, seed: 2 }), tableAgreement(table, 6, { bootstrap: { resamples: 50, seed: 2 } }));
});
