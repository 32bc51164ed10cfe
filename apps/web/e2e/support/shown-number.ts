import assert from 'node:assert/strict';

/**
 * Reads a number as the dashboard shows it ("82.4 %", "0.412", "−0.031", "3,068") and checks it against the
 * true value to the precision it was shown with: half a unit of its last digit. The test parses instead of
 * formatting the expected value itself, so a rounding bug in the dashboard cannot hide behind the same bug here.
 */
export function assertShows(shown: string, expected: number, what: string): void {
  const text = shown.trim().replace('−', '-').replace(/,/g, '');
  const match = /^(-?\d+(?:\.(\d+))?)\s*(%?)$/.exec(text);
  assert.ok(match, `${what}: "${shown}" is not a number as the dashboard shows numbers`);
  const percent = match[3] === '%';
  const decimals = match[2]?.length ?? 0;
  const value = Number(match[1]) / (percent ? 100 : 1);
  const halfUnit = 0.5 * 10 ** -decimals / (percent ? 100 : 1);
  assert.ok(
    Math.abs(value - expected) <= halfUnit + 1e-12,
    `${what}: the page shows "${shown}", the true value is ${expected} (allowed ±${halfUnit} for the shown precision)`,
  );
}
