import type { Perturbation } from './perturbation.js';
import { PerturbationError, PerturbationErrorCode } from './perturbation-error.js';
import { parsePerturbation } from './parse-perturbation.js';
import { perturbationSpec } from './perturbation-specs.js';

/** Named lists of perturbations. `default`: one of each kind at a strength the literature calls realistic. */
export const SUITES: Readonly<Record<string, readonly string[]>> = {
  default: [
    'mask(kind=surgical)',
    'occlude(region=eyes)',
    'occlude(region=mouth)',
    'blur(sigma=2)',
    'brightness(factor=0.4)',
    'gamma(value=2.2)',
    'jpeg(quality=10)',
    'rotate(deg=20)',
    'downscale(factor=4)',
    'hflip',
    'noise(sigma=10, seed=1)',
  ],
  /** Transforms that change nothing: their predictions must equal the clean ones. */
  identity: ['blur(sigma=0)', 'brightness(factor=1)', 'gamma(value=1)', 'rotate(deg=0)', 'downscale(factor=1)', 'noise(sigma=0, seed=1)'],
};

/**
 * A suite's perturbations, or a comma-free list given with `;` (`blur(sigma=2);hflip`): each parsed, canonical,
 * without repeats.
 */
export function resolveSuite(suite: string): Perturbation[] {
  const named = SUITES[suite];
  const list = named ?? suite.split(';').filter((t) => t.trim() !== '');
  if (list.length === 0 || (named === undefined && !/[(;]/.test(suite) && perturbationSpec(suite.trim()) === undefined))
    throw new PerturbationError(PerturbationErrorCode.Invalid, `suite "${suite}": expected one of ${Object.keys(SUITES).join(', ')}, or perturbations separated by ";"`);
  const seen = new Map<string, Perturbation>();
  for (const text of list) {
    const p = parsePerturbation(text);
    seen.set(p.canonical, p);
  }
  return [...seen.values()];
}
