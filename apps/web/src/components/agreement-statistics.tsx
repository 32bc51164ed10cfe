import type { EstimateFieldsFragment } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { ConfidenceInterval } from './confidence-interval';

interface Row {
  id: string;
  name: string;
  estimate: EstimateFieldsFragment;
  /** How the value and its CI are shown: a share as a percentage, the coefficients as κ is. */
  format: (value: number | null | undefined) => string;
  which: string;
}

/**
 * Every agreement coefficient side by side, each with its SE (where it has an analytic one), bootstrap CI and the
 * faces it used, so that κ is never read without its uncertainty or the others without their n.
 */
export function AgreementStatistics({
  fleiss,
  krippendorffAlpha,
  gwetAc1,
  percentAgreement,
}: Record<'fleiss' | 'krippendorffAlpha' | 'gwetAc1' | 'percentAgreement', EstimateFieldsFragment>) {
  const rows: Row[] = [
    { id: 'fleiss-kappa', name: "Fleiss' κ", estimate: fleiss, format: formatStatistic, which: 'faces every model rated' },
    { id: 'krippendorff-alpha', name: "Krippendorff's α", estimate: krippendorffAlpha, format: formatStatistic, which: 'faces with 2+ ratings' },
    { id: 'gwet-ac1', name: "Gwet's AC1", estimate: gwetAc1, format: formatStatistic, which: 'faces with a rating' },
    { id: 'percent-agreement', name: 'All models agree', estimate: percentAgreement, format: formatPercent, which: 'faces every model rated' },
  ];
  const { ciLevel, resamples, seed } = fleiss;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table compact" aria-label="Agreement statistics" aria-describedby="agreement-statistics-note">
          <thead>
            <tr>
              <th scope="col">Statistic</th>
              <th scope="col" className="num">Value</th>
              <th scope="col" className="num">SE</th>
              <th scope="col" className="num">{Math.round(ciLevel * 100)} % CI</th>
              <th scope="col" className="num">n (faces)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, name, estimate, format, which }) => (
              <tr key={id} data-statistic={id}>
                <th scope="row">{name}</th>
                <td className="num" data-stat="value" title={estimate.reason ?? undefined}>
                  {format(estimate.value)}
                </td>
                <td className="num" data-stat="se">
                  {formatStatistic(estimate.se)}
                </td>
                <td className="num">
                  <ConfidenceInterval low={estimate.ciLow} high={estimate.ciHigh} reason={estimate.ciReason} format={format} stat="ci" />
                </td>
                <td className="num" title={which}>
                  <span data-stat="n">{formatCount(estimate.n)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="agreement-statistics-note">
        CIs are percentile bootstrap intervals from {formatCount(resamples)} resamples of the faces (seed {seed}). κ&apos;s SE is
        irr&apos;s, under κ = 0; AC1&apos;s is Gwet&apos;s. Missing ratings: κ and &ldquo;all models agree&rdquo; use only the faces
        every model rated, α the faces with two or more ratings, AC1 every face with one.
      </p>
    </>
  );
}
