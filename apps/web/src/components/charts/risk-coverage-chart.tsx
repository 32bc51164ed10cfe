import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { formatStatistic } from '../../format/numbers';
import { ChartFrame, DASHES, SERIES } from './chart-frame';
import { PLOT_H, PLOT_W } from './chart-frame';

export interface RiskCoverageSeries {
  model: string;
  aurc: number | null;
  n: number;
  points: readonly { coverage: number; risk: number; threshold: number }[];
}

/** Error rate among the most confident faces against the share kept, one line per model, with its table. */
export function RiskCoverageChart({ series }: { series: readonly RiskCoverageSeries[] }) {
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, PLOT_W] });
  const top = Math.max(0.1, ...series.flatMap((s) => s.points.map((p) => p.risk)));
  const y = scaleLinear<number>({ domain: [0, Math.min(1, Math.ceil(top * 10) / 10)], range: [PLOT_H, 0] });
  return (
    <>
      <ChartFrame
        chart="risk-coverage"
        title={`Risk–coverage curves of ${series.length} model(s)`}
        x={x}
        y={y}
        xLabel="coverage (share of faces kept, most confident first)"
        yLabel="risk (error rate)"
        caption={
          <>
            Lower is better: a model whose confidence means something makes fewer errors on the faces it is surest of. AURC is the mean height of its
            curve.{' '}
            {series.map((s, i) => (
              <span key={s.model} style={{ color: SERIES[i % SERIES.length], marginRight: '0.75em' }}>
                ■ {s.model}
              </span>
            ))}
          </>
        }
      >
        {series.map((s, i) => (
          <LinePath
            key={s.model}
            data={[...s.points]}
            x={(p) => x(p.coverage)}
            y={(p) => y(p.risk)}
            stroke={SERIES[i % SERIES.length]}
            strokeWidth={2}
            strokeDasharray={DASHES[i % DASHES.length]}
            fill="none"
            data-model={s.model}
          />
        ))}
      </ChartFrame>
      {/* every point, for screen readers: too long to show beside the plot */}
      <div className="visually-hidden">
          <table className="data-table" aria-label="Risk–coverage points">
            <thead>
              <tr>
                <th scope="col">model</th>
                <th scope="col" className="num">AURC</th>
                <th scope="col" className="num">coverage</th>
                <th scope="col" className="num">risk</th>
                <th scope="col" className="num">confidence ≥</th>
              </tr>
            </thead>
            <tbody>
              {series.flatMap((s) =>
                s.points.map((p) => (
                  <tr key={`${s.model}:${p.coverage}`} data-model-id={s.model} data-coverage={p.coverage}>
                    <th scope="row">{s.model}</th>
                    <td className="num">{formatStatistic(s.aurc)}</td>
                    <td className="num" data-stat="rc-coverage">{formatStatistic(p.coverage)}</td>
                    <td className="num" data-stat="rc-risk">{formatStatistic(p.risk)}</td>
                    <td className="num">{formatStatistic(p.threshold)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
      </div>
    </>
  );
}
