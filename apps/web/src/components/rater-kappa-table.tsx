import type { HumanAgreementQuery } from '../gql/graphql';
import { formatCount, formatStatistic } from '../format/numbers';
import { ConfidenceInterval } from './confidence-interval';

type HumanAgreement = HumanAgreementQuery['humanAgreement'];

/**
 * The three Fleiss' κs of people as raters side by side — among the crowd voters, among the models, and of the models
 * with the human majority as one more rater — each with its SE, bootstrap CI, n and who the raters were.
 */
export function RaterKappaTable({ agreement }: { agreement: HumanAgreement }) {
  const rows = [
    { id: 'humans', name: 'Among people', raters: `${agreement.votesPerFace} votes / face`, estimate: agreement.humans },
    { id: 'models', name: 'Among models', raters: `${agreement.models.length} models`, estimate: agreement.modelsKappa },
    { id: 'models-and-majority', name: 'Models + human majority', raters: `${agreement.models.length} models + majority`, estimate: agreement.modelsAndMajority },
  ];
  const { ciLevel } = agreement.humans;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table compact" aria-label="Fleiss' κ of people and models" aria-describedby="rater-kappa-note">
          <thead>
            <tr>
              <th scope="col">Fleiss&apos; κ</th>
              <th scope="col" className="num">κ</th>
              <th scope="col" className="num">SE</th>
              <th scope="col" className="num">{Math.round(ciLevel * 100)} % CI</th>
              <th scope="col" className="num">n (faces)</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, name, raters, estimate }) => (
              <tr key={id} data-kappa={id}>
                <th scope="row" className="model-name">
                {name} <span className="version">{raters}</span>
              </th>
                <td className="num" data-stat="value" title={estimate.reason ?? undefined}>
                  {formatStatistic(estimate.value)}
                </td>
                <td className="num" data-stat="se">
                  {formatStatistic(estimate.se)}
                </td>
                <td className="num">
                  <ConfidenceInterval low={estimate.ciLow} high={estimate.ciHigh} reason={estimate.ciReason} format={formatStatistic} stat="ci" />
                </td>
                <td className="num" data-stat="n">
                  {formatCount(estimate.n)}
                </td>
                <td>{estimate.interpretation ?? '—'}</td>
                </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="rater-kappa-note">
        People: every face&apos;s votes over {agreement.humanCategories.length} answers ({agreement.humanCategories.join(', ')}). Models: their labels
        over {agreement.labelSet.join(', ')}; with the human majority as one more rater, over the faces whose majority is one of those labels.
      </p>
    </>
  );
}
