import type { HumanAgreementQuery } from '../gql/graphql';
import { formatCount, formatStatistic } from '../format/numbers';

type Cell = HumanAgreementQuery['humanAgreement']['entropy']['cells'][number];

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 56 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Radius of the largest bubble, in SVG units; a bubble's area is proportional to its faces. */
const MAX_RADIUS = 18;

/** Axis ticks every half bit up to the largest value (at least 1 bit). */
function ticks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max * 2) / 2);
  return Array.from({ length: Math.round(top * 2) + 1 }, (_, i) => i / 2);
}

/**
 * Human vote entropy (x) against model vote entropy (y), one bubble per distinct pair of values with its area
 * proportional to the faces that have it: both entropies take few values (10 votes, a few models), so an exact
 * bubble plot says more than a scatter of jittered points. Plain SVG, readable without colour.
 */
export function EntropyChart({ cells }: { cells: readonly Cell[] }) {
  const xTicks = ticks(Math.max(0, ...cells.map((c) => c.humanEntropyBits)));
  const yTicks = ticks(Math.max(0, ...cells.map((c) => c.modelEntropyBits)));
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const most = Math.max(1, ...cells.map((c) => c.faces));
  const x = (bits: number) => MARGIN.left + (bits / xMax) * PLOT_W;
  const y = (bits: number) => MARGIN.top + PLOT_H - (bits / yMax) * PLOT_H;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="entropy-chart-title"
      data-chart="entropy"
      style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
    >
      <title id="entropy-chart-title">Human vote entropy against model vote entropy, bubble area proportional to faces</title>
      {xTicks.map((t) => (
        <g key={`x${t}`}>
          <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} style={{ stroke: 'var(--border)' }} />
          <text x={x(t)} y={MARGIN.top + PLOT_H + 16} textAnchor="middle" fontSize="11" style={{ fill: 'var(--muted)' }}>
            {t}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(t)} y2={y(t)} style={{ stroke: 'var(--border)' }} />
          <text x={MARGIN.left - 8} y={y(t) + 4} textAnchor="end" fontSize="11" style={{ fill: 'var(--muted)' }}>
            {t}
          </text>
        </g>
      ))}
      <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 10} textAnchor="middle" fontSize="12">
        human vote entropy (bits)
      </text>
      <text transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize="12">
        model vote entropy (bits)
      </text>
      {cells.map((c) => (
        <circle
          key={`${c.humanEntropyBits}:${c.modelEntropyBits}`}
          cx={x(c.humanEntropyBits)}
          cy={y(c.modelEntropyBits)}
          r={Math.max(1.5, MAX_RADIUS * Math.sqrt(c.faces / most))}
          style={{ fill: 'var(--accent)', fillOpacity: 0.35, stroke: 'var(--accent)' }}
          data-faces={c.faces}
        >
          <title>
            {`${formatCount(c.faces)} faces: human ${formatStatistic(c.humanEntropyBits)} bits, models ${formatStatistic(c.modelEntropyBits)} bits`}
          </title>
        </circle>
      ))}
    </svg>
  );
}
