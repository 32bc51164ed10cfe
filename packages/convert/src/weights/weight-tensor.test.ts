import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { float16ToFloat32 } from './float16.js';
import { transposeWeight } from './weight-tensor.js';

describe('transposeWeight', () => {
  it('permutes HWIO [1,2,2,3] to OIHW [3,2,1,2]', () => {
    // value = 100·h + 10·w + ... encodes the source index so the check reads the permutation directly.
    const shape = [1, 2, 2, 3];
    const data = new Float32Array(12);
    for (let w = 0; w < 2; w++) for (let i = 0; i < 2; i++) for (let o = 0; o < 3; o++) data[w * 6 + i * 3 + o] = w * 100 + i * 10 + o;
    const out = transposeWeight({ shape, data }, [3, 2, 0, 1]);
    assert.deepEqual(out.shape, [3, 2, 1, 2]);
    for (let o = 0; o < 3; o++) for (let i = 0; i < 2; i++) for (let w = 0; w < 2; w++) assert.equal(out.data[o * 4 + i * 2 + w], w * 100 + i * 10 + o);
  });
});

describe('float16ToFloat32', () => {
  it('decodes normal, subnormal, signed and special values', () => {
    assert.equal(float16ToFloat32(0x3c00), 1);
    assert.equal(float16ToFloat32(0xc000), -2);
    assert.equal(float16ToFloat32(0x3555), 0.333251953125);
    assert.equal(float16ToFloat32(0x0001), 2 ** -24);
    assert.equal(float16ToFloat32(0x7bff), 65504);
    assert.equal(float16ToFloat32(0x7c00), Infinity);
    assert.ok(Number.isNaN(float16ToFloat32(0x7e00)));
  });
});
