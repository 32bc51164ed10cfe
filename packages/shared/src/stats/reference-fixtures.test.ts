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
import { randolphKappa } from './randolph-kappa.js';
import { percentAgreement } from './percent-agreement.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { gwetAc1 } from './gwet-ac1.js';
import { pairTablesFromRatings, pairwiseCohenKappa } from './pairwise-cohen.js';
import { itemAgreements } from './item-agreement.js';

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
      await t.test('Randolph kappa (q declared and observed)', () => {
        const declared = randolphKappa(table(), { raters: m });
        const observed = randolphKappa(table(), { raters: m, categories: 'observed' });
        check(declared.value, ref(e, 'randolph_kappa', 'value'), 'q declared');
        check(observed.value, ref(e, 'randolph_kappa', 'value_q_observed'), 'q observed');
        if (observed.value !== null) check(observed.q, ref(e, 'randolph_kappa', 'q_observed'), 'q_observed');
      });

      await t.test('Cohen kappa for every pair (statsmodels cohens_kappa)', () => {
        const matrix = pairwiseCohenKappa(pairTablesFromRatings(fx.categories, fx.raters, fx.ratings));
        const reference = ref(e, 'cohen_kappa') as Record<string, Record<string, unknown>> | undefined;
        if (reference === undefined) return;
        assert.deepEqual(Object.keys(matrix).sort(), Object.keys(reference).sort(), 'raters');
        for (const [a, row] of Object.entries(reference)) {
          assert.deepEqual(Object.keys(matrix[a]!).sort(), Object.keys(row).sort(), `pairs of ${a}`);
          for (const [b, r] of Object.entries(row)) {
            const k = matrix[a]![b]!;
            const what = `${a}–${b}`;
            check(k.value, ref(r, 'kappa'), `${what} κ`);
            check(k.value, ref(r, 'irr_kappa2', 'value'), `${what} κ vs irr`);
            check(k.value === null ? null : k.se, ref(r, 'std_kappa'), `${what} se`);
            check(k.value === null ? null : k.ciLow, ref(r, 'kappa_low'), `${what} ci low`);
            check(k.value === null ? null : k.ciHigh, ref(r, 'kappa_upp'), `${what} ci high`);
            check(k.value === null ? null : k.seNull, ref(r, 'std_kappa0'), `${what} se0`);
            check(k.value === null ? null : k.z, ref(r, 'z_value'), `${what} z`);
            check(k.value === null ? null : k.p, ref(r, 'pvalue_two_sided'), `${what} p`);
            if (k.value !== null) check(k.items, ref(r, 'n_items'), `${what} items`);
          }
        }
      });

      await t.test('Krippendorff alpha (nominal, coincidence matrix)', () => {
        const a = krippendorffAlpha(table());
        const r = ref(e, 'krippendorff_alpha_nominal');
        check(a.value, ref(r, 'value'), 'α');
        if (a.value !== null) {
          check(a.observedDisagreement, ref(r, 'D_o'), 'D_o');
          check(a.expectedDisagreement, ref(r, 'D_e'), 'D_e');
          check(a.pairableValues, ref(r, 'n_pairable_values'), 'pairable values');
        } else assert.ok(a.reason.length > 0);
      });

      await t.test('Gwet AC1 and its SE', () => {
        const declared = gwetAc1(table());
        const observed = gwetAc1(table(), { categories: 'observed' });
        const r = ref(e, 'gwet_ac1');
        check(declared.value, ref(r, 'value'), 'AC1');
        check(declared.value === null ? null : declared.se, ref(r, 'se'), 'se');
        check(declared.value === null ? null : declared.pa, ref(r, 'pa'), 'p_a');
        check(declared.value === null ? null : declared.pe, ref(r, 'pe'), 'p_e');
        check(observed.value, ref(r, 'value_q_observed'), 'AC1 (q observed)');
      });

      await t.test('percent agreement (irr agree, complete cases)', () => {
        const p = percentAgreement(table(), { raters: m });
        const r = ref(e, 'percent_agreement');
        check(p.value === null ? null : p.percent, ref(r, 'value'), 'percent');
        check(p.value, ref(r, 'fraction'), 'fraction');
        if (p.value !== null) check(p.items, ref(r, 'n_items_used'), 'items used');
      });

      await t.test('per item: majority, tie, entropy, P_i', () => {
        const reference = ref(e, 'per_item') as unknown[] | undefined;
        if (reference === undefined) return;
        const items = [...itemAgreements(table())];
        assert.equal(items.length, reference.length);
        items.forEach((item, i) => {
          const r = reference[i];
          assert.equal(ref(r, 'index'), i);
          assert.equal(item.ratings, ref(r, 'n_ratings'), `item ${i} ratings`);
          assert.equal(item.majority, ref(r, 'majority'), `item ${i} majority`);
          assert.equal(item.tied, ref(r, 'majority_tied'), `item ${i} tied`);
          assert.deepEqual(item.tiedLabels, ref(r, 'tied_labels'), `item ${i} tied labels`);
          check(item.entropyBits, ref(r, 'entropy_bits'), `item ${i} entropy`);
          check(item.pI, ref(r, 'P_i'), `item ${i} P_i`);
        });
      });
    });
  }
});
