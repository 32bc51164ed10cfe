import type { RobustnessQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatSignedStatistic, formatStatistic } from '../format/numbers';
import { ConfidenceInterval } from './confidence-interval';

type Robustness = RobustnessQuery['robustness'];
type Kappa = Robustness['perturbations'][number]['kappa'];

/** A κ (or Δκ) cell: the value and its bootstrap CI, each readable on its own. */
function KappaCell({ kappa, stat, format }: { kappa: Kappa; stat: string; format: (v: number | null | undefined) => string }) {
  return (
    <td data-stat={`${stat}-cell`}>
      <span data-stat={stat}>{format(kappa.value)}</span>{' '}
      <span className="ci">
        (<ConfidenceInterval low={kappa.ciLow} high={kappa.ciHigh} reason={kappa.ciReason} format={format} stat={`${stat}-ci`} />)
      </span>
    </td>
  );
}

const signed = (v: number | null | undefined) => (v == null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pp`);

/** Every number behind the chart: per perturbation, its faces, κ clean and perturbed and Δκ with CIs, and per model the change with its CI and flips. */
export function RobustnessTable({ robustness }: { robustness: Robustness }) {
  return (
    <table className="data-table" data-table="robustness">
      <caption>Per perturbation, on the faces every model predicted both clean and perturbed</caption>
      <thead>
        <tr>
          <th scope="col">perturbation</th>
          <th scope="col">faces</th>
          <th scope="col">κ clean (95% CI)</th>
          <th scope="col">κ perturbed (95% CI)</th>
          <th scope="col">Δκ (paired 95% CI)</th>
          {robustness.models.map((m) => (
            <th scope="col" key={m.id}>
              <code>{m.id}</code>: accuracy clean → perturbed, change (95% CI), flips
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {robustness.perturbations.map((p) => (
          <tr key={p.perturbation} data-perturbation={p.perturbation}>
            <th scope="row">
              <code>{p.perturbation}</code>
            </th>
            <td data-stat="faces">{formatCount(p.nFaces)}</td>
            <KappaCell kappa={p.kappaClean} stat="kappa-clean" format={formatStatistic} />
            <KappaCell kappa={p.kappa} stat="kappa" format={formatStatistic} />
            <KappaCell kappa={p.deltaKappa} stat="delta-kappa" format={formatSignedStatistic} />
            {robustness.models.map((m) => {
              const r = p.models.find((x) => x.modelId === m.id);
              const a = r?.accuracy;
              return (
                <td key={m.id} data-model={m.id}>
                  <span data-stat="accuracy-clean">{formatPercent(a?.clean)}</span> → <span data-stat="accuracy">{formatPercent(a?.perturbed)}</span>,{' '}
                  <span data-stat="change">{signed(a?.value)}</span> ({signed(a?.ciLow)} … {signed(a?.ciHigh)}; n {formatCount(a?.n ?? 0)}), flips{' '}
                  <span data-stat="flips">{formatPercent(r?.flips.value)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
