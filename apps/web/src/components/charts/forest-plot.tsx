import { scaleBand, scaleLinear } from '@visx/scale';
import { Line } from '@visx/shape';
import { formatPercent, formatStatistic } from '../../format/numbers';
import { ChartFrame, PLOT_H, PLOT_W } from './chart-frame';

export interface ForestRow {
  model: string;
  ensemble: boolean;
  n: number;
  accuracy: number | null;
  accuracyCiLow: number | null;
  accuracyCiHigh: number | null;
  kappa: number | null;
  kappaCiLow: number | null;
  kappaCiHigh: number | null;
}

/** Per model: accuracy (●) and Cohen's κ against gold (◆), each with its 95% CI as a bar; the table repeats them. */
export function ForestPlot({ rows }: { rows: readonly ForestRow[] }) {
  const x = scaleLinear<number>({ domain: [Math.min(0, ...rows.map((r) => r.kappaCiLow ?? 0)), 1], range: [0, PLOT_W] });
  const y = scaleBand<string>({ domain: rows.map((r) => r.model), range: [0, PLOT_H], padding: 0.3 });
  const mark = (value: number | null, low: number | null, high: number | null, offset: number, shape: 'circle' | 'diamond', model: string) => {
    if (value === null) return null;
    const cy = (y(model) ?? 0) + y.bandwidth() / 2 + offset;
    return (
      <g data-model-id={model} data-stat={shape === 'circle' ? 'forest-accuracy' : 'forest-kappa'} data-value={value}>
        {low !== null && high !== null && <Line from={{ x: x(low), y: cy }} to={{ x: x(high), y: cy }} stroke="var(--text)" strokeWidth={1.5} />}
        {shape === 'circle' ? (
          <circle cx={x(value)} cy={cy} r={4} fill="var(--accent)" />
        ) : (
          <rect x={x(value) - 4} y={cy - 4} width={8} height={8} transform={`rotate(45 ${x(value)} ${cy})`} fill="#c2410c" />
        )}
      </g>
    );
  };
  return (
    <>
      <ChartFrame
        chart="forest"
        title={`Accuracy and Cohen's κ against gold, with 95% CIs, of ${rows.length} models`}
        x={x}
        y={scaleLinear<number>({ domain: [0, 1], range: [PLOT_H, PLOT_H] })}
        xLabel="accuracy ● (Wilson CI) and κ ◆ (asymptotic CI)"
        yLabel=""
        hideYAxis
        caption="One row per model, in leaderboard order; ensembles are marked in the table. Bars: 95% confidence intervals."
      >
        {rows.map((r) => (
          <g key={r.model}>
            <text x={4} y={(y(r.model) ?? 0) + 10} fontSize="10" style={{ fill: 'var(--muted)' }}>
              {r.model}
            </text>
            {mark(r.accuracy, r.accuracyCiLow, r.accuracyCiHigh, -4, 'circle', r.model)}
            {mark(r.kappa, r.kappaCiLow, r.kappaCiHigh, 5, 'diamond', r.model)}
          </g>
        ))}
      </ChartFrame>
      <div className="table-scroll">
          <table className="data-table" aria-label="Accuracy and κ with their CIs">
            <thead>
              <tr>
                <th scope="col">model</th>
                <th scope="col" className="num">n</th>
                <th scope="col" className="num">accuracy (95% CI)</th>
                <th scope="col" className="num">κ against gold (95% CI)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.model} data-model-id={r.model}>
                  <th scope="row">
                    {r.model}
                    {r.ensemble && ' (ensemble)'}
                  </th>
                  <td className="num">{r.n}</td>
                  <td className="num">
                    {formatPercent(r.accuracy)} ({formatPercent(r.accuracyCiLow)}–{formatPercent(r.accuracyCiHigh)})
                  </td>
                  <td className="num">
                    {formatStatistic(r.kappa)} ({formatStatistic(r.kappaCiLow)}–{formatStatistic(r.kappaCiHigh)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
      </div>
    </>
  );
}
