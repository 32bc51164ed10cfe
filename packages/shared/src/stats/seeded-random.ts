/** A uniform [0, 1) generator. */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG, ample for resampling and fully determined by its seed, so a CI reported with
 * its seed can be reproduced exactly (Math.random cannot be seeded).
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
