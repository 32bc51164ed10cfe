import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from './assert-close.js';
import { classificationMetrics } from './classification-metrics.js';
import { confusionMatrix } from './confusion-matrix.js';

// Hand-worked example: "d" is predicted once but never gold, "e" is declared but appears nowhere.
const categories = ['a', 'b', 'c', 'd', 'e'];
const gold = ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', null, 'a'];
const predicted = ['a', 'b', 'a', 'b', 'd', 'c', 'c', 'a', 'b', null];

describe('confusionMatrix', () => {
  it('counts gold × predicted and skips items without gold or prediction', () => {
    const m = confusionMatrix(categories, gold, predicted);
    assert.deepEqual(m.counts, [
      [2, 1, 0, 0, 0],
      [0, 1, 0, 1, 0],
      [1, 0, 2, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    assert.equal(m.n, 8);
    assert.equal(m.skippedNoGold, 1);
    assert.equal(m.skippedNoPrediction, 1);
  });

  it('rejects a label that is not a declared category', () => {
    assert.throws(() => confusionMatrix(categories, ['a'], ['z']), /prediction for item 0: label "z"/);
    assert.throws(() => confusionMatrix(categories, ['a'], []), /1 gold labels but 0 predictions/);
  });
});

describe('classificationMetrics', () => {
  const metrics = classificationMetrics(confusionMatrix(categories, gold, predicted));

  it('accuracy, macro-F1 over present labels and balanced accuracy over gold labels', () => {
    assert.equal(metrics.n, 8);
    assertClose(metrics.accuracy.value, 5 / 8, 'accuracy');
    assertClose(metrics.macroF1.value, (2 / 3 + 1 / 2 + 4 / 5 + 0) / 4, 'macro-F1');
    assertClose(metrics.balancedAccuracy.value, (2 / 3 + 1 / 2 + 2 / 3) / 3, 'balanced accuracy');
  });

  it('per-class precision, recall and F1, null where 0/0', () => {
    const byClass = Object.fromEntries(metrics.perClass.map((c) => [c.category, c]));
    assert.deepEqual(byClass.c, { category: 'c', support: 3, predicted: 2, precision: 1, recall: 2 / 3, f1: 4 / 5 });
    assert.deepEqual(byClass.d, { category: 'd', support: 0, predicted: 1, precision: 0, recall: null, f1: 0 });
    assert.deepEqual(byClass.e, { category: 'e', support: 0, predicted: 0, precision: null, recall: null, f1: null });
  });

  it('returns null with a reason when no item has both gold and prediction', () => {
    const empty = classificationMetrics(confusionMatrix(categories, [null, 'a'], ['a', null]));
    assert.equal(empty.n, 0);
    for (const stat of [empty.accuracy, empty.macroF1, empty.balancedAccuracy]) {
      assert.equal(stat.value, null);
      assert.match(stat.value === null ? stat.reason : '', /no items/);
    }
  });

  it('accepts a count matrix from SQL and rejects one of the wrong shape', () => {
    assertClose(classificationMetrics({ categories: ['x', 'y'], counts: [[3, 1], [2, 4]] }).accuracy.value, 0.7, 'accuracy');
    assert.throws(() => classificationMetrics({ categories: ['x', 'y'], counts: [[3, 1]] }), /2×2/);
  });
});
