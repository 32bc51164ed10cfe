import { scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { formatCount, formatStatistic } from '../../format/numbers';
import { ChartFrame, PLOT_H, PLOT_W } from './chart-frame';

export interface ReliabilityBin {
  lower: number;
  upper: number;
  n: number;
  confidence: number | null;
  accuracy: number | null;
}

/** Accuracy per confidence bin against the diagonal of perfect calibration, with the bins as a table. */
export function ReliabilityDiagram({ bins, model }: { bins: readonly ReliabilityBin[]; model: string }) {
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, PLOT_W] });
  const y = scaleLinear<number>({ domain: [0, 1], range: [PLOT_H, 0] });
  return (
    <>
      <ChartFrame
        chart="reliability"
        title={`Reliability diagram of ${model}: accuracy per confidence bin`}
        x={x}
        y={y}
        xLabel="confidence (largest probability)"
        yLabel="accuracy"
        caption="Bars: share right per bin of confidence. Dashed diagonal: a perfectly calibrated model. Above it: underconfident; below: overconfident."
      >
        {bins.map((b) =>
          b.accuracy === null ? null : (
            <Bar
              key={b.lower}
              x={x(b.lower) + 1}
              width={Math.max(1, x(b.upper) - x(b.lower) - 2)}
              y={y(b.accuracy)}
              height={PLOT_H - y(b.accuracy)}
              fill="var(--accent)"
              fillOpacity={0.6}
              data-bin-lower={b.lower}
              data-accuracy={b.accuracy}
              data-confidence={b.confidence ?? undefined}
              data-n={b.n}
            >
              <title>{`${formatStatistic(b.lower)}–${formatStatistic(b.upper)}: ${formatCount(b.n)} faces, accuracy ${formatStatistic(b.accuracy)}, mean confidence ${formatStatistic(b.confidence)}`}</title>
            </Bar>
          ),
        )}
        <Line from={{ x: x(0), y: y(0) }} to={{ x: x(1), y: y(1) }} stroke="var(--text)" strokeDasharray="6 3" />
      </ChartFrame>
      <div className="table-scroll">
          <table className="data-table" aria-label={`Reliability bins of ${model}`}>
            <thead>
              <tr>
                <th scope="col">confidence bin</th>
                <th scope="col" className="num">faces</th>
                <th scope="col" className="num">mean confidence</th>
                <th scope="col" className="num">accuracy</th>
              </tr>
            </thead>
            <tbody>
              {bins.map((b) => (
                <tr key={b.lower} data-bin-lower={b.lower}>
                  <th scope="row">
                    {b.lower === 0 ? '[' : '('}
                    {formatStatistic(b.lower)}, {formatStatistic(b.upper)}]
                  </th>
                  <td className="num" data-stat="bin-n">{formatCount(b.n)}</td>
                  <td className="num" data-stat="bin-confidence">{formatStatistic(b.confidence)}</td>
                  <td className="num" data-stat="bin-accuracy">{formatStatistic(b.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
      </div>
    </>
  );
}
