import type { ModelInput } from '@ferbench/shared';

const round = (x: number) => Number(x.toFixed(3)).toString();

/**
 * The card's preprocessing in one line, e.g. "64×64 grayscale, linear resize, no crop, [-1, 1]": the pixel
 * range is what x' = (x·scale − mean)/std makes of 0…255 (per channel where the channels differ).
 */
export function preprocessingSummary(input: ModelInput): string {
  const ranges = input.mean.map((mean, c) => {
    const std = input.std[c] ?? input.std[0]!;
    return `[${round((0 - mean) / std)}, ${round((255 * input.scale - mean) / std)}]`;
  });
  const range = new Set(ranges).size === 1 ? ranges[0]! : ranges.join(' ');
  const crop = input.crop === 'none' ? 'no crop' : `${input.crop} crop`;
  return `${input.width}×${input.height} ${input.colorSpace}, ${input.resize} resize, ${crop}, ${range}`;
}
