import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mergeBenchSummary } from './bench-summary.js';

test('mergeBenchSummary keeps the keys another benchmark wrote and replaces its own', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-summary-'));
  try {
    const file = path.join(dir, 'out', 'summary.json');
    mergeBenchSummary({ zooRunVsCeiling: 0.9, zoo: { seconds: 10 } }, file);
    mergeBenchSummary({ agreementWarmVsBaseline: 0.004, zooRunVsCeiling: 0.91 }, file);
    const merged = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(merged.zooRunVsCeiling, 0.91);
    assert.deepEqual(merged.zoo, { seconds: 10 });
    assert.equal(merged.agreementWarmVsBaseline, 0.004);
    writeFileSync(file, '{ not json');
    mergeBenchSummary({ a: 1 }, file);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).a, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
