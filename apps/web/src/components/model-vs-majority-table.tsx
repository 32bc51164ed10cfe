import type { HumanAgreementQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { ConfidenceInterval } from './confidence-interval';
import { Hash } from './hash';

type Entry = HumanAgreementQuery['humanAgreement']['modelsVsMajority'][number];

/** Each model against the human majority label: accuracy with its binomial SE and Wilson CI, Cohen's κ with its CI, and n. */
export function ModelVsMajorityTable({ entries }: { entries: readonly Entry[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Models against the human majority">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="num">Accuracy</th>
            <th scope="col" className="num">± SE</th>
            <th scope="col" className="num">95 % CI</th>
            <th scope="col" className="num">Cohen&apos;s κ</th>
            <th scope="col" className="num">κ 95 % CI</th>
            <th scope="col" className="num">n (faces)</th>
            <th scope="col">Model sha256</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.model.id} data-model-id={e.model.id}>
              <th scope="row" className="model-name">
                {e.model.name} <span className="version">{e.model.version}</span>
              </th>
              <td className="num" data-stat="accuracy">
                {formatPercent(e.accuracy)}
              </td>
              <td className="num">{formatPercent(e.accuracySe)}</td>
              <td className="num">
                <ConfidenceInterval low={e.accuracyCiLow} high={e.accuracyCiHigh} reason="no faces" format={formatPercent} stat="accuracy-ci" />
              </td>
              <td className="num" data-stat="kappa" title={e.kappa.reason ?? undefined}>
                {formatStatistic(e.kappa.value)}
              </td>
              <td className="num">
                <ConfidenceInterval low={e.kappa.ciLow} high={e.kappa.ciHigh} reason={e.kappa.reason} format={formatStatistic} stat="kappa-ci" />
              </td>
              <td className="num" data-stat="n">
                {formatCount(e.n)}
              </td>
              <td>
                <Hash value={e.model.sha256} label="model sha256" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
