import assert from 'node:assert/strict';

export const TOLERANCE = 1e-9;

/**
 * Asserts `actual` matches a reference value from the fixtures to 1e-9. The fixtures store a non-finite result
 * as the string "NaN"/"Infinity" (JSON has none) or null; ours must then be null, never NaN.
 */
export function assertClose(actual: number | null | undefined, expected: unknown, what: string): void {
  if (expected === null || expected === 'NaN' || expected === 'Infinity' || expected === '-Infinity') {
    assert.equal(actual, null, `${what}: expected null (reference ${String(expected)}), got ${actual}`);
    return;
  }
  assert.equal(typeof expected, 'number', `${what}: reference value ${JSON.stringify(expected)} is not a number`);
  assert.equal(typeof actual, 'number', `${what}: expected ${expected}, got ${actual}`);
  const e = expected as number;
  const a = actual as number;
  assert.ok(Number.isFinite(a), `${what}: ${a} is not finite`);
  assert.ok(Math.abs(a - e) <= TOLERANCE, `${what}: expected ${e}, got ${a} (|Δ| = ${Math.abs(a - e)})`);
}
