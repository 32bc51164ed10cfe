import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { formatCount, formatPercent, formatStatistic } from '../../format/numbers';
import { ChartFrame, PLOT_H, PLOT_W } from './chart-frame';

export interface GatedPoint {
  threshold: number;
  nFaces: number;
  coverage: number | null;
  kappa: number | null;
  se: number | null;
}

/** Fleiss' κ among the models (solid) and the share of faces kept (dashed) against the confidence gate τ, with its table. */
export function GatedKappaChart({ points, nModels, nComplete }: { points: readonly GatedPoint[]; nModels: number; nComplete: number }) {
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, PLOT_W] });
  const y = scaleLinear<number>({ domain: [Math.min(0, ...points.map((p) => p.kappa ?? 0)), 1], range: [PLOT_H, 0] });
  const defined = points.filter((p) => p.kappa !== null);
  return (
    <>
      <ChartFrame
        chart="gated-kappa"
        title={`Fleiss' κ of ${nModels} models and the share of faces kept, against the confidence threshold τ`}
        x={x}
        y={y}
        xLabel="τ: every model's confidence ≥ τ"
        yLabel="κ (solid), share kept (dashed)"
        caption={`Solid: κ among the ${nModels} models over the faces where every one of them is at least τ sure. Dashed: those faces as a share of the ${formatCount(nComplete)} all of them predicted.`}
      >
        <LinePath data={defined} x={(p) => x(p.threshold)} y={(p) => y(p.kappa!)} stroke="var(--accent)" strokeWidth={2} fill="none" data-series="kappa" />
        <LinePath data={points.filter((p) => p.coverage !== null)} x={(p) => x(p.threshold)} y={(p) => y(p.coverage!)} stroke="var(--text)" strokeDasharray="6 3" strokeWidth={2} fill="none" data-series="coverage" />
        {defined.map((p) => (
          <circle key={p.threshold} cx={x(p.threshold)} cy={y(p.kappa!)} r={3} fill="var(--accent)" data-threshold={p.threshold} data-kappa={p.kappa!} data-coverage={p.coverage ?? undefined}>
            <title>{`τ ${formatStatistic(p.threshold)}: κ ${formatStatistic(p.kappa)} over ${formatCount(p.nFaces)} faces (${formatPercent(p.coverage)})`}</title>
          </circle>
        ))}
      </ChartFrame>
      <div className="table-scroll">
          <table className="data-table" aria-label="Fleiss' κ against τ">
            <thead>
              <tr>
                <th scope="col" className="num">τ</th>
                <th scope="col" className="num">κ</th>
                <th scope="col" className="num">SE</th>
                <th scope="col" className="num">faces kept</th>
                <th scope="col" className="num">share kept</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.threshold} data-threshold={p.threshold}>
                  <th scope="row" className="num">{formatStatistic(p.threshold)}</th>
                  <td className="num" data-stat="gated-kappa">{formatStatistic(p.kappa)}</td>
                  <td className="num">{formatStatistic(p.se)}</td>
                  <td className="num" data-stat="gated-n-faces">{formatCount(p.nFaces)}</td>
                  <td className="num" data-stat="gated-coverage">{formatPercent(p.coverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
      </div>
    </>
  );
}
