import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { largestGap } from './slice-gap.js';

describe('largestGap', () => {
  it('is the highest minus the lowest group, naming both, skipping undefined groups', () => {
    const gap = largestGap([
      { group: 'KA', value: 0.5 },
      { group: 'KL', value: null },
      { group: 'KM', value: 0.75 },
      { group: 'KR', value: 0.25 },
    ]);
    assert.deepEqual(gap, { value: 0.5, highGroup: 'KM', lowGroup: 'KR', undefinedGroups: ['KL'] });
  });

  it('keeps the first of tied groups, and is null with fewer than two defined groups', () => {
    assert.deepEqual(largestGap([{ group: 'a', value: 1 }, { group: 'b', value: 1 }]), { value: 0, highGroup: 'a', lowGroup: 'a', undefinedGroups: [] });
    assert.deepEqual(largestGap([{ group: 'a', value: 1 }, { group: 'b', value: null }]), { value: null, highGroup: null, lowGroup: null, undefinedGroups: ['b'] });
  });
});
