import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapAgreementPatterns } from './agreement-bootstrap.js';
import type { PatternTable } from './count-table.js';
import { fleissKappa } from './fleiss-kappa.js';
import { gwetAc1 } from './gwet-ac1.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { bootstrapPatternCis } from './pattern-bootstrap.js';
import { percentAgreement } from './percent-agreement.js';
import { randolphKappa } from './randolph-kappa.js';
import { countTableFromRatings } from './ratings-matrix.js';
import { patternTable } from './row-patterns.js';
import { mulberry32 } from './seeded-random.js';

const categories = ['a', 'b', 'c', 'd'];

/** `faces` faces × 6 raters leaning to "a", 8 % of ratings missing (incomplete and single-rating items occur). */
function table(faces: number, seed: number): PatternTable {
  const random = mulberry32(seed);
  const ratings = Array.from({ length: faces }, () => {
    const truth = random() < 0.5 ? 'a' : categories[Math.floor(random() * 4)]!;
    return Array.from({ length: 6 }, () => (random() < 0.08 ? null : random() < 0.6 ? truth : categories[Math.floor(random() * 4)]!));
  });
  return patternTable(countTableFromRatings(categories, 6, ratings));
}

test('the one-pass pattern bootstrap gives every statistic the CI the generic pattern bootstrap gives, resample for resample', () => {
  for (const [faces, seed] of [[2000, 5], [150, 9], [3, 1]] as const) {
    const t = table(faces, seed);
    const options = { resamples: 300, seed: 17, level: 0.9 };
    const generic = bootstrapPatternCis(
      t,
      {
        fleissKappa: (r) => fleissKappa(r, { raters: 6 }),
        randolphKappa: (r) => randolphKappa(r, { raters: 6 }),
        krippendorffAlpha,
        gwetAc1: (r) => gwetAc1(r),
        percentAgreement: (r) => percentAgreement(r, { raters: 6 }),
      },
      options,
    );
    const fast = bootstrapAgreementPatterns(t, 6, options);
    for (const name of Object.keys(generic) as (keyof typeof generic)[]) {
      const g = generic[name];
      const f = fast[name];
      assert.equal(f.undefinedResamples, g.undefinedResamples, `${faces} faces, ${name}`);
      for (const bound of ['low', 'high'] as const) {
        if (g[bound] === null) assert.equal(f[bound], null);
        else assert.ok(Math.abs((f[bound] as number) - g[bound]) <= 1e-12, `${faces} faces, ${name} ${bound}: ${f[bound]} vs ${g[bound]}`);
      }
    }
    if (faces === 2000) assert.ok((generic.fleissKappa.low as number) < (generic.fleissKappa.high as number));
  }
});
