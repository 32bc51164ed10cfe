import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairedPatterns } from '@ferbench/scores';
import { type BootstrapCi, countTableFromRatings, fleissKappa, flipRate, pairedAccuracyChange } from '@ferbench/shared';
import { robustnessTableMarkdown } from './robustness-table.markdown.js';
import type { RobustnessWithCis } from './robustness-with-cis.js';

const AB = ['a', 'b'];
// κ clean 23/35 = 0.657…, κ perturbed −1/35 (hand-checked in paired-kappa-bootstrap.test.ts), Δκ −24/35 = −0.686.
const CLEAN = [['a', 'a', 'a'], ['b', 'b', 'b'], ['a', 'a', 'a'], ['a', 'b', 'b']];
const PERTURBED = [['a', 'a', 'b'], ['a', 'b', 'b'], ['a', 'a', 'a'], ['a', 'b', 'b']];
const ci = (low: number, high: number): BootstrapCi => ({ level: 0.95, resamples: 1000, seed: 1, undefinedResamples: 0, low, high });

function report(delta: BootstrapCi): RobustnessWithCis {
  const clean = countTableFromRatings(AB, 3, CLEAN);
  const perturbed = countTableFromRatings(AB, 3, PERTURBED);
  const kappaClean = fleissKappa(clean);
  const kappa = fleissKappa(perturbed);
  return {
    datasetId: 'mini',
    datasetSha256: 'ab'.repeat(32),
    models: ['m1', 'm2', 'm3'].map((id) => ({ id, sha256: 'cd'.repeat(32) })),
    labelSet: ['neutral', 'happiness'],
    perturbations: [
      {
        perturbation: 'hflip',
        nFaces: 4,
        kappaClean,
        kappa,
        paired: pairedPatterns(AB, clean.rows, perturbed.rows),
        models: [{ modelId: 'm1', accuracy: pairedAccuracyChange([0, 1, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0]), flips: flipRate([0, 1, 0, 0], [0, 0, 0, 0]) }],
        kappaBootstrap: {
          kappaClean,
          kappaPerturbed: kappa,
          delta: (kappa.value ?? 0) - (kappaClean.value ?? 0),
          ci: { clean: ci(0.30149, 0.95512), perturbed: ci(-0.25, 0.4), delta: delta },
        },
      },
    ],
  };
}

test('the κ table: κ clean [CI], κ perturbed [CI], Δκ [paired CI] columns, each CI to three decimals, Δκ signed; the bootstrap stated', () => {
  const text = robustnessTableMarkdown([report(ci(-0.9204, 0.0493))]);
  const lines = text.split('\n');
  assert.ok(lines.includes('| perturbation | faces | κ clean [CI] | κ perturbed [CI] | Δκ [paired CI] | mean flip rate |'), text);
  assert.ok(lines.includes('| `hflip` | 4 | 0.657 [0.301, 0.955] | -0.029 [-0.250, 0.400] | −0.686 [−0.920, +0.049] | 0.250 |'), text);
  assert.ok(lines.includes("κ: 95% percentile bootstrap CIs over the faces (1,000 resamples, seed 1); Δκ's CI is paired: each resampled face is taken clean and perturbed together."), text);
});

test('a CI the bootstrap could not give is left out, the value kept', () => {
  const none: BootstrapCi = { level: 0.95, resamples: 1000, seed: 1, undefinedResamples: 1000, low: null, high: null, reason: 'the statistic was undefined on every resample' };
  const text = robustnessTableMarkdown([report(none)]);
  assert.ok(text.includes('| −0.686 | 0.250 |'), text);
});
