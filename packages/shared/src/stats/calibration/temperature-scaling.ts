import { negativeLogLikelihood } from './proper-scores.js';
import type { ScoredItem } from './scored-item.js';

/**
 * p scaled by temperature T: p_k^(1/T) / Σ_j p_j^(1/T), i.e. softmax(ln p / T); a zero probability stays zero.
 * Powers are taken relative to the largest p so that small probabilities and small T do not underflow to 0/0.
 */
export function temperatureScaled(p: readonly number[], temperature: number): number[] {
  const top = Math.max(...p);
  if (top <= 0) return [...p];
  const powered = p.map((v) => (v === 0 ? 0 : Math.exp(Math.log(v / top) / temperature)));
  const total = powered.reduce((a, v) => a + v, 0);
  return powered.map((v) => v / total);
}

export const TEMPERATURE_RANGE = { low: 0.05, high: 20 } as const;

/**
 * The temperature in [0.05, 20] minimising NLL on `items`: golden-section search on ln T (NLL of softmax(z/T) is
 * convex in 1/T, so unimodal in ln T). Null with no faces.
 */
export function fitTemperature(items: readonly ScoredItem[], options: { readonly iterations?: number } = {}): number | null {
  if (items.length === 0) return null;
  const nll = (logT: number) => negativeLogLikelihood(items.map(({ p, gold }) => ({ p: temperatureScaled(p, Math.exp(logT)), gold })))!;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(TEMPERATURE_RANGE.low);
  let b = Math.log(TEMPERATURE_RANGE.high);
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  for (let i = 0; i < (options.iterations ?? 60); i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = nll(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}
