/**
 * Every statistic against the R irr / statsmodels reference values of every fixture in <fixtures>/stats, to
 * 1e-9. New fixture files are picked up without new code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { assertClose } from './assert-close.js';
import { countTableFromRatings } from './ratings-matrix.js';
import { fleissKappa, fleissKappaPerCategory } from './fleiss-kappa.js';

interface ReferenceFixture {
  readonly categories: readonly string[];
  readonly raters: readonly string[];
  readonly ratings: readonly (readonly (string | null)[])[];
  readonly expected: Record<string, unknown>;
}

/** A nested field of the reference, or undefined where the fixture does not have it. */
function ref(root: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);
}

/** Checks only the reference values the fixture has, so a fixture without a block is not a failure. */
function check(actual: number | null | undefined, expected: unknown, what: string): void {
  if (expected !== undefined) assertClose(actual, expected, what);
}

test('reference fixtures', async (t) => {
  const dir = fixture(t, 'stats');
  if (dir === undefined) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length > 0, `no *.json fixtures in ${dir}`);
  for (const file of files) {
    await t.test(file, async (t) => {
      const fx = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ReferenceFixture;
      const e = fx.expected;
      const m = fx.raters.length;
      const table = () => countTableFromRatings(fx.categories, m, fx.ratings);

      await t.test('Fleiss kappa (irr kappam.fleiss)', () => {
        const k = fleissKappa(table(), { raters: m });
        const f = ref(e, 'fleiss_kappa');
        check(k.value, ref(f, 'value'), 'value');
        check(k.value, ref(f, 'irr'), 'value vs irr');
        check(k.value === null ? null : k.se, ref(f, 'irr_se'), 'se');
        check(k.value === null ? null : k.z, ref(f, 'irr_z'), 'z');
        check(k.value === null ? null : k.p, ref(f, 'irr_p_value'), 'p');
        if (k.value !== null) {
          check(k.observedAgreement, ref(f, 'observed_agreement_P_bar'), 'P̄');
          check(k.chanceAgreement, ref(f, 'chance_agreement_P_e'), 'P_e');
          check(k.items, ref(f, 'n_items_used'), 'items used');
          fx.categories.forEach((c, j) => check(k.categoryProportions[j], ref(f, 'category_proportions_p_j', c), `p_j ${c}`));
        } else assert.ok(k.reason.length > 0);
      });

      await t.test('Fleiss kappa per category (irr detail=TRUE)', () => {
        const perCategory = fleissKappaPerCategory(table(), { raters: m });
        assert.deepEqual(perCategory.map((c) => c.category), fx.categories);
        for (const c of perCategory) {
          const r = ref(e, 'fleiss_kappa', 'per_category', c.category);
          check(c.value, ref(r, 'kappa'), `${c.category} κ`);
          check(c.se, ref(r, 'se'), `${c.category} se`);
          check(c.value === null ? null : c.z, ref(r, 'z'), `${c.category} z`);
          check(c.value === null ? null : c.p, ref(r, 'p_value'), `${c.category} p`);
        }
      });
    });
  }
});
