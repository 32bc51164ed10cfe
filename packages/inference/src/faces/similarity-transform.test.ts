import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATE_112, alignmentTransform, faceTemplate } from './face-template.js';
import type { Point } from './face.js';
import { type Affine, applyAffine, invertAffine, similarityTransform } from './similarity-transform.js';

function similarity(scale: number, angle: number, tx: number, ty: number): Affine {
  const a = scale * Math.cos(angle);
  const b = scale * Math.sin(angle);
  return [a, -b, tx, b, a, ty];
}

/** Ordinary least squares over (a, b, tx, ty) by the normal equations: an independent route to the same optimum. */
function normalEquations(from: readonly Point[], to: readonly Point[]): Affine {
  // rows: [x, -y, 1, 0] → u and [y, x, 0, 1] → v
  const ata = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const atb = [0, 0, 0, 0];
  from.forEach(([x, y], i) => {
    const [u, v] = to[i] as Point;
    for (const [row, rhs] of [
      [[x, -y, 1, 0], u],
      [[y, x, 0, 1], v],
    ] as const) {
      for (let r = 0; r < 4; r++) {
        atb[r] = (atb[r] as number) + (row[r] as number) * rhs;
        for (let c = 0; c < 4; c++) (ata[r] as number[])[c] = ((ata[r] as number[])[c] as number) + (row[r] as number) * (row[c] as number);
      }
    }
  });
  // Gaussian elimination
  const m = ata.map((row, r) => [...row, atb[r] as number]);
  for (let c = 0; c < 4; c++) {
    const p = m[c] as number[];
    for (let r = c + 1; r < 4; r++) {
      const f = ((m[r] as number[])[c] as number) / (p[c] as number);
      (m[r] as number[]).forEach((_, k) => ((m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * (p[k] as number)));
    }
  }
  const s = [0, 0, 0, 0];
  for (let r = 3; r >= 0; r--) {
    const row = m[r] as number[];
    let acc = row[4] as number;
    for (let k = r + 1; k < 4; k++) acc -= (row[k] as number) * (s[k] as number);
    s[r] = acc / (row[r] as number);
  }
  const [a, b, tx, ty] = s as [number, number, number, number];
  return [a, -b, tx, b, a, ty];
}

test('similarityTransform recovers a known similarity exactly and maps the landmarks onto the template to < 1e-6', () => {
  const truth = similarity(2.7, 0.31, 105.5, -40.25); // template → image
  const landmarks = TEMPLATE_112.map((p) => applyAffine(truth, p));
  const m = alignmentTransform(landmarks, 112, 112); // image → template
  const inverse = invertAffine(truth);
  m.forEach((v, i) => assert.ok(Math.abs(v - (inverse[i] as number)) < 1e-9, `coefficient ${i}: ${v} vs ${inverse[i]}`));
  landmarks.forEach((p, i) => {
    const [x, y] = applyAffine(m, p);
    const [tx, ty] = TEMPLATE_112[i] as Point;
    assert.ok(Math.hypot(x - tx, y - ty) < 1e-6, `landmark ${i}: (${x}, ${y}) vs (${tx}, ${ty})`);
  });
});

test('similarityTransform on noisy points equals the least-squares solution of the normal equations', () => {
  const from: Point[] = [
    [120.3, 140.9],
    [245.1, 150.2],
    [160.7, 221.4],
    [118.2, 281.0],
    [212.9, 297.6],
  ];
  const m = similarityTransform(from, TEMPLATE_112);
  const reference = normalEquations(from, TEMPLATE_112);
  m.forEach((v, i) => assert.ok(Math.abs(v - (reference[i] as number)) < 1e-9, `coefficient ${i}: ${v} vs ${reference[i]}`));
  // a similarity: equal scale on both axes, no shear, no reflection
  assert.ok(Math.abs(m[0] - m[4]) < 1e-12 && Math.abs(m[1] + m[3]) < 1e-12 && m[0] * m[4] - m[1] * m[3] > 0);
});

test('a mirrored face is not aligned by a reflection (similarityTransform keeps det > 0)', () => {
  const mirrored = TEMPLATE_112.map(([x, y]) => [112 - x, y] as Point);
  const m = similarityTransform(mirrored, TEMPLATE_112);
  assert.ok(m[0] * m[4] - m[1] * m[3] > 0);
});

test('faceTemplate scales the 112×112 template to other input sizes; invertAffine undoes a transform', () => {
  assert.deepEqual(faceTemplate(224, 56)[0], [38.2946 * 2, 51.6963 / 2]);
  const m = similarity(0.5, -1.2, 3, 4);
  const p = applyAffine(invertAffine(m), applyAffine(m, [17, -9]));
  assert.ok(Math.hypot(p[0] - 17, p[1] + 9) < 1e-12);
  assert.throws(() => similarityTransform([[1, 1], [1, 1]], [[0, 0], [1, 1]]), /coincide/);
  assert.throws(() => alignmentTransform([[1, 1]], 112, 112), /5 landmarks, got 1/);
});
