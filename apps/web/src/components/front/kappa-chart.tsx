import type { DatasetKappa } from '../../front/front-page-data';
import { formatStatistic } from '../../format/numbers';

const ROW = 34;
const LABEL = 140;
const PLOT = 420;
const PAD = 28;

/** κ in [-0.2, 1] on the x axis: below -0.2 is off the chart, but real FER models sit well above it. */
const X_MIN = -0.2;
const x = (value: number) => LABEL + ((Math.max(X_MIN, Math.min(1, value)) - X_MIN) / (1 - X_MIN)) * PLOT;

/**
 * Fleiss' κ of the zoo models per dataset as dots with their CI as whiskers, on a fixed 0…1 scale with the Landis &
 * Koch bands marked. Decorative for screen readers: the table beside it (KappaOverview) holds the same numbers.
 */
export function KappaChart({ rows }: { rows: readonly DatasetKappa[] }) {
  const height = PAD + rows.length * ROW + 8;
  const width = LABEL + PLOT + 60;
  return (
    <svg className="kappa-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true" preserveAspectRatio="xMinYMin meet">
      {[0, 0.2, 0.4, 0.6, 0.8, 1].map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={PAD - 6} y2={height - 4} className="kappa-chart-grid" />
          <text x={x(tick)} y={PAD - 10} textAnchor="middle" className="kappa-chart-tick">
            {tick.toFixed(1)}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y = PAD + i * ROW + ROW / 2;
        return (
          <g key={row.datasetId} data-chart-dataset={row.datasetId}>
            <text x={LABEL - 10} y={y + 4} textAnchor="end" className="kappa-chart-label">
              {row.datasetName}
            </text>
            {row.ciLow !== null && row.ciHigh !== null && (
              <line x1={x(row.ciLow)} x2={x(row.ciHigh)} y1={y} y2={y} className="kappa-chart-ci" />
            )}
            {row.value !== null && (
              <>
                <circle cx={x(row.value)} cy={y} r={6} className="kappa-chart-dot" />
                <text x={x(row.value) + 10} y={y - 8} className="kappa-chart-value">
                  {formatStatistic(row.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
