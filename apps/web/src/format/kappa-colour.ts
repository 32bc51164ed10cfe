/**
 * A heatmap cell's colour for a κ in [−1, 1]: white at 0, towards the accent teal as κ → 1 and towards the
 * warning red as κ → −1; the text turns white where the cell is dark. The number is always printed in the cell.
 */
const WHITE = [255, 255, 255] as const;
const POSITIVE = [47, 111, 115] as const; // --accent
const NEGATIVE = [163, 64, 46] as const; // --bad

function mix(to: readonly number[], t: number): string {
  const [r, g, b] = WHITE.map((w, i) => Math.round(w + (to[i]! - w) * t));
  return `rgb(${r}, ${g}, ${b})`;
}

export function kappaColours(value: number | null): { background: string; color: string } {
  if (value === null) return { background: '#f0f0ec', color: 'var(--muted)' };
  const t = Math.min(1, Math.abs(value));
  return { background: mix(value >= 0 ? POSITIVE : NEGATIVE, t), color: t > 0.55 ? '#fff' : 'var(--text)' };
}
