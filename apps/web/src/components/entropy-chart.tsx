import type { HumanAgreementQuery } from '../gql/graphql';
import { formatCount, formatStatistic } from '../format/numbers';

type Cell = HumanAgreementQuery['humanAgreement']['entropy']['cells'][number];

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 24, right: 24, bottom: 48, left: 56 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Radius of the largest bubble, in SVG units; a bubble's area is proportional to its faces. */
const MAX_RADIUS = 18;

/** Width (bits of human entropy) of the bins the mean model entropy line averages over. */
const BIN_BITS = 0.25;

/** Mean model entropy of the faces in each BIN_BITS-wide bin of human entropy, at the bin's mean human entropy. */
function binnedMeans(cells: readonly Cell[]): { x: number; y: number; faces: number }[] {
  const bins = new Map<number, { sx: number; sy: number; faces: number }>();
  for (const c of cells) {
    const bin = Math.floor(c.humanEntropyBits / BIN_BITS);
    const b = bins.get(bin) ?? { sx: 0, sy: 0, faces: 0 };
    b.sx += c.humanEntropyBits * c.faces;
    b.sy += c.modelEntropyBits * c.faces;
    b.faces += c.faces;
    bins.set(bin, b);
  }
  return [...bins.entries()].sort(([a], [b]) => a - b).map(([, b]) => ({ x: b.sx / b.faces, y: b.sy / b.faces, faces: b.faces }));
}

/** Axis ticks every half bit up to the largest value (at least 1 bit). */
function ticks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max * 2) / 2);
  return Array.from({ length: Math.round(top * 2) + 1 }, (_, i) => i / 2);
}

/**
 * Human vote entropy (x) against model vote entropy (y), one bubble per distinct pair of values with its area
 * proportional to the faces that have it: both entropies take few values (10 votes, a few models), so an exact
 * bubble plot says more than a scatter of jittered points. The line is the mean model entropy per quarter bit of
 * human entropy: where it rises, faces that divide people divide the models too. Plain SVG, readable without colour.
 */
export function EntropyChart({ cells }: { cells: readonly Cell[] }) {
  const means = binnedMeans(cells);
  const xTicks = ticks(Math.max(0, ...cells.map((c) => c.humanEntropyBits)));
  const yTicks = ticks(Math.max(0, ...cells.map((c) => c.modelEntropyBits)));
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const most = Math.max(1, ...cells.map((c) => c.faces));
  const x = (bits: number) => MARGIN.left + (bits / xMax) * PLOT_W;
  const y = (bits: number) => MARGIN.top + PLOT_H - (bits / yMax) * PLOT_H;
  return (
    <figure style={{ margin: 0 }}>
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
        <polyline
          points={means.map((m) => `${x(m.x)},${y(m.y)}`).join(' ')}
          style={{ fill: 'none', stroke: 'var(--text)', strokeWidth: 2, strokeDasharray: '6 3' }}
          data-line="mean-model-entropy"
        >
          <title>Mean model entropy per {BIN_BITS}-bit bin of human entropy</title>
        </polyline>
        {means.map((m) => (
          <circle key={`mean${m.x}`} cx={x(m.x)} cy={y(m.y)} r={3} style={{ fill: 'var(--text)' }}>
            <title>{`${formatCount(m.faces)} faces around ${formatStatistic(m.x)} bits of human entropy: mean model entropy ${formatStatistic(m.y)} bits`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="table-note">
        Bubbles: faces (area) at each pair of entropies. Dashed line: mean model entropy per {BIN_BITS} bit of human entropy.
      </figcaption>
    </figure>
  );
}
