import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../assert-close.js';
import { calibrationReport } from './calibration-report.js';
import { binOf } from './reliability.js';
import { riskCoverageCurve, selectiveAtThreshold } from './selective-prediction.js';
import { fitTemperature, temperatureScaled } from './temperature-scaling.js';
import { topLabel } from './scored-item.js';

describe('definitions on hand-worked cases', () => {
  it('bins hold ((m−1)/M, m/M], the first also 0', () => {
    assert.deepEqual([0, 0.1, 0.2, 0.2000001, 0.6, 0.7, 1].map((c) => binOf(c, 5)), [1, 1, 1, 2, 3, 4, 5]);
    // 0.1·3 = 0.30000000000000004 as a double, above the edge 3/10: bin 4 of 10, as the reference scan says.
    assert.equal(binOf(0.1 * 3, 10), 4);
    assert.equal(binOf(0.3, 10), 3);
  });

  it('the prediction is the first label on ties', () => {
    assert.deepEqual(topLabel([0.4, 0.4, 0.2]), { conf: 0.4, predicted: 0 });
    assert.deepEqual(topLabel([0.1, 0.45, 0.45]), { conf: 0.45, predicted: 1 });
  });

  it('AURC orders tied confidences in input order: a wrong face first costs more than a right one first', () => {
    // Both faces at conf 0.9: [wrong, right] → (1/1 + 1/2)/2 = 0.75; [right, wrong] → (0 + 1/2)/2 = 0.25.
    const wrongFirst = [{ p: [0.9, 0.1], gold: 1 }, { p: [0.9, 0.1], gold: 0 }];
    assertClose(calibrationReport(wrongFirst).aurc, 0.75, 'wrong first');
    assertClose(calibrationReport([...wrongFirst].reverse()).aurc, 0.25, 'right first');
  });

  it('no faces: n 0 and every number null, bins still listed', () => {
    const r = calibrationReport([], { bins: 4 });
    assert.deepEqual([r.n, r.accuracy, r.ece, r.mce, r.brier, r.nll, r.aurc, r.selective.coverage, r.selective.accuracy], [0, null, null, null, null, null, null, null, null]);
    assert.equal(r.reliability.length, 4);
  });

  it('selective accuracy is null when no face reaches τ, and counts conf = τ as kept', () => {
    const items = [{ p: [0.6, 0.4], gold: 0 }, { p: [0.7, 0.3], gold: 1 }];
    assert.deepEqual(selectiveAtThreshold(items, 0.9), { threshold: 0.9, coverage: 0, accuracy: null, n: 0 });
    assert.deepEqual(selectiveAtThreshold(items, 0.7), { threshold: 0.7, coverage: 0.5, accuracy: 0, n: 1 });
  });

  it('the risk–coverage curve ends at full coverage with the overall error rate', () => {
    const items = [{ p: [0.9, 0.1], gold: 0 }, { p: [0.8, 0.2], gold: 1 }, { p: [0.3, 0.7], gold: 1 }, { p: [0.55, 0.45], gold: 1 }];
    const curve = riskCoverageCurve(items, 4);
    assert.deepEqual(curve.map((p) => [p.coverage, p.risk, p.threshold]), [[0.25, 0, 0.9], [0.5, 0.5, 0.8], [0.75, 1 / 3, 0.7], [1, 0.5, 0.55]]);
    assert.equal(riskCoverageCurve(items, 10).length, 4, 'no duplicate points when points > faces');
  });
});

describe('temperature scaling', () => {
  it('T = 1 keeps p; T → large flattens; zeros stay zero', () => {
    const p = [0.7, 0.2, 0.1, 0];
    temperatureScaled(p, 1).forEach((v, k) => assertClose(v, p[k], `p${k}`));
    // p^(1/2) renormalised, by hand.
    const root = p.map(Math.sqrt);
    const total = root.reduce((a, v) => a + v, 0);
    temperatureScaled(p, 2).forEach((v, k) => assertClose(v, root[k]! / total, `T=2 p${k}`));
    assert.equal(temperatureScaled(p, 5)[3], 0);
  });

  it('fits T > 1 for an overconfident model and T < 1 for an underconfident one, lowering NLL', () => {
    // Overconfident: always 0.95 sure, right 60 % of the time. NLL over T is minimised where the scaled conf is 0.6.
    const over = Array.from({ length: 10 }, (_, i) => ({ p: [0.95, 0.05], gold: i < 6 ? 0 : 1 }));
    const t = fitTemperature(over)!;
    // Two classes: conf(T) = 1/(1 + (0.05/0.95)^(1/T)) = 0.6 ⇔ T = ln(0.05/0.95)/ln(0.4/0.6).
    // A minimum is only located to about √ε relative (the NLL is flat there), hence 1e-6, not 1e-9.
    const exact = Math.log(0.05 / 0.95) / Math.log(0.4 / 0.6);
    assert.ok(Math.abs(t - exact) < 1e-6 * exact, `T ${t}, expected ${exact}`);
    const under = Array.from({ length: 10 }, (_, i) => ({ p: [0.55, 0.45], gold: i < 9 ? 0 : 1 }));
    assert.ok(fitTemperature(under)! < 1);
    assert.equal(fitTemperature([]), null);
  });
});
