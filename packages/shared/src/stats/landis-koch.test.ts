import assert from 'node:assert/strict';
import { test } from 'node:test';
import { landisKoch } from './landis-koch.js';

test('Landis & Koch bands, upper bounds inclusive', () => {
  const cases: [number, string][] = [
    [-0.01, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.2000001, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ];
  for (const [kappa, band] of cases) assert.equal(landisKoch(kappa), band, `κ = ${kappa}`);
});
