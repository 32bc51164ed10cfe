import { formatCount, formatStatistic } from '../format/numbers';

export interface SliceChartRow {
  group: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

const WIDTH = 640;
const ROW = 26;
const MARGIN = { top: 16, right: 24, bottom: 40, left: 96 };

/**
 * Fleiss' κ of each group as a dot with its CI as a whisker, one row per group, on a fixed −1…1 axis so slices of
 * different datasets read alike. The table it describes (`tableId`) holds every number; the chart adds only shape.
 */
export function SliceChart({ rows, tableId, attribute }: { rows: readonly SliceChartRow[]; tableId: string; attribute: string }) {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + rows.length * ROW + MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v + 1) / 2) * plotW;
  const ticks = [-1, -0.5, 0, 0.5, 1];
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="slice-chart-title"
        aria-describedby={tableId}
        data-chart="slice-kappa"
        style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
      >
        <title id="slice-chart-title">{`Fleiss' κ of the models per ${attribute}, with 95 % CI; the numbers are in the table below`}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={MARGIN.top + rows.length * ROW} style={{ stroke: 'var(--border)' }} />
            <text x={x(t)} y={MARGIN.top + rows.length * ROW + 16} textAnchor="middle" fontSize="11" style={{ fill: 'var(--muted)' }}>
              {formatStatistic(t)}
            </text>
          </g>
        ))}
        <text x={MARGIN.left + plotW / 2} y={height - 6} textAnchor="middle" fontSize="12">
          Fleiss&apos; κ
        </text>
        {rows.map((r, i) => {
          const y = MARGIN.top + i * ROW + ROW / 2;
          return (
            <g key={r.group} data-group={r.group}>
              <text x={MARGIN.left - 8} y={y + 4} textAnchor="end" fontSize="12">
                {r.group}
              </text>
              {r.ciLow !== null && r.ciHigh !== null && <line x1={x(r.ciLow)} x2={x(r.ciHigh)} y1={y} y2={y} style={{ stroke: 'var(--accent)', strokeWidth: 2 }} />}
              {r.value !== null && (
                <circle cx={x(r.value)} cy={y} r={5} style={{ fill: 'var(--accent)' }} data-value={r.value}>
                  <title>{`${r.group}: κ ${formatStatistic(r.value)} over ${formatCount(r.n)} faces`}</title>
                </circle>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
