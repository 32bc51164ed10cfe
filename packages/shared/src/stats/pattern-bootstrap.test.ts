import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PatternTable } from './count-table.js';
import { fleissKappa } from './fleiss-kappa.js';
import { bootstrapPatternCis } from './pattern-bootstrap.js';
import { countTableFromRatings } from './ratings-matrix.js';
import { patternTable } from './row-patterns.js';
import { mulberry32 } from './seeded-random.js';
import { BOOTSTRAPPED_STATISTICS, tableAgreement } from './table-agreement.js';

const categories = ['a', 'b', 'c'];

/** 600 faces × 4 raters leaning to "a", some ratings missing: a few dozen distinct patterns. */
function ratings(): (string | null)[][] {
  const random = mulberry32(11);
  return Array.from({ length: 600 }, () => {
    const truth = random() < 0.6 ? 'a' : categories[Math.floor(random() * 3)]!;
    return Array.from({ length: 4 }, () => (random() < 0.05 ? null : random() < 0.7 ? truth : categories[Math.floor(random() * 3)]!));
  });
}

describe('bootstrapPatternCis', () => {
  const table = countTableFromRatings(categories, 4, ratings());
  const patterns = patternTable(table);

  it('draws resamples of exactly N faces over the table’s own patterns, the same for every statistic', () => {
    const seen: Record<string, string[]> = { first: [], second: [] };
    const record = (name: string) => (t: PatternTable) => {
      assert.equal(t.patterns.reduce((a, p) => a + p.weight, 0), 600);
      assert.deepEqual(t.patterns.map((p) => Array.from(p.counts).join()).sort(), patterns.patterns.map((p) => Array.from(p.counts).join()).sort());
      seen[name]!.push(t.patterns.map((p) => p.weight).join(','));
      return { value: 0 };
    };
    bootstrapPatternCis(patterns, { first: record('first'), second: record('second') }, { resamples: 20, seed: 3 });
    assert.deepEqual(seen.first, seen.second);
    assert.ok(new Set(seen.first).size === 20, 'every resample differs');
  });

  it('is reproducible from its seed', () => {
    const kappa = { kappa: (t: PatternTable) => fleissKappa(t, { raters: 4 }) };
    const first = bootstrapPatternCis(patterns, kappa, { resamples: 200, seed: 7 });
    assert.deepEqual(bootstrapPatternCis(patterns, kappa, { resamples: 200, seed: 7 }), first);
    assert.notDeepEqual(bootstrapPatternCis(patterns, kappa, { resamples: 200, seed: 8 }), first);
    assert.equal(first.kappa.resamples, 200);
    assert.equal(first.kappa.level, 0.95);
  });

  it('does not depend on the order or split of the pattern rows', () => {
    const kappa = { kappa: (t: PatternTable) => fleissKappa(t, { raters: 4 }) };
    const [first, ...rest] = patterns.patterns;
    const split = { categories, patterns: [...rest.reverse(), { ...first!, weight: 1 }, { ...first!, weight: first!.weight - 1 }] };
    assert.ok(first!.weight > 1);
    assert.deepEqual(bootstrapPatternCis(split, kappa, { resamples: 100, seed: 2 }), bootstrapPatternCis(patterns, kappa, { resamples: 100, seed: 2 }));
  });

  it('gives the item bootstrap’s interval within Monte Carlo error, for every statistic', () => {
    const options = { bootstrap: { resamples: 4000, seed: 1 } };
    const byItems = tableAgreement(table, 4, options).bootstrap!;
    const byPatterns = tableAgreement(patterns, 4, options).bootstrap!;
    for (const name of BOOTSTRAPPED_STATISTICS) {
      const a = byItems[name];
      const b = byPatterns[name];
      assert.ok(a.low !== null && b.low !== null, name);
      // The percentile points' Monte Carlo SD is about 0.0013 here for each bootstrap.
      assert.ok(Math.abs(a.low - b.low) < 0.01 && Math.abs(a.high - b.high) < 0.01, `${name}: items ${a.low}–${a.high}, patterns ${b.low}–${b.high}`);
    }
  });

  it('has no items to resample in an empty table', () => {
    const ci = bootstrapPatternCis({ categories, patterns: [] }, { kappa: (t) => fleissKappa(t) }, { resamples: 10, seed: 1 });
    assert.ok(ci.kappa.low === null && /no items/.test(ci.kappa.reason));
  });
});
