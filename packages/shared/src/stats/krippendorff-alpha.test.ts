import { describe, it } from 'node:test';
import { assertClose } from './assert-close.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { countTableFromRatings } from './ratings-matrix.js';

describe('krippendorffAlpha', () => {
  it("reproduces Krippendorff's published nominal example with missing values (α = 0.743)", () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers × 12 units example
    // (irr's `nmm`); its nominal α is 0.743421052631579.
    const units = [
      ['1', '1', null, '1'],
      ['2', '2', '3', '2'],
      ['3', '3', '3', '3'],
      ['3', '3', '3', '3'],
      ['2', '2', '2', '2'],
      ['1', '2', '3', '4'],
      ['4', '4', '4', '4'],
      ['1', '1', '2', '1'],
      ['2', '2', '2', '2'],
      [null, '5', '5', '5'],
      [null, null, '1', '1'],
      [null, null, '3', null],
    ];
    const alpha = krippendorffAlpha(countTableFromRatings(['1', '2', '3', '4', '5'], 4, units));
    assertClose(alpha.value, 0.743421052631579, 'α');
    assertClose(alpha.value === null ? null : alpha.pairableValues, 40, 'pairable values');
  });
});
