/**
 * Landis & Koch (1977, Biometrics 33:159–174) bands for κ: the wording readers of agreement studies expect.
 * Each band's upper bound is inclusive (0.20 is "slight").
 */
const BANDS: readonly [upTo: number, band: string][] = [
  [0.2, 'slight'],
  [0.4, 'fair'],
  [0.6, 'moderate'],
  [0.8, 'substantial'],
  [1, 'almost perfect'],
];

export function landisKoch(kappa: number): string {
  if (kappa < 0) return 'poor';
  return BANDS.find(([upTo]) => kappa <= upTo)?.[1] ?? 'almost perfect';
}
