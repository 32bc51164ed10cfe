import Link from 'next/link';
import type { PairwiseQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { ConfidenceInterval } from './confidence-interval';

type Pair = PairwiseQuery['pairwise']['pairs'][number];

/** Every pair's κ with what the heatmap cannot hold: SE, CI, n, observed agreement, and a link to compare them. */
export function KappaPairsTable({ pairs, compareHref }: { pairs: readonly Pair[]; compareHref: (a: string, b: string) => string }) {
  const ciLevel = pairs[0]?.kappa.ciLevel ?? 0.95;
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Cohen κ of each pair">
        <thead>
          <tr>
            <th scope="col">Model A</th>
            <th scope="col">Model B</th>
            <th scope="col" className="num">κ</th>
            <th scope="col" className="num">SE</th>
            <th scope="col" className="num">{Math.round(ciLevel * 100)} % CI</th>
            <th scope="col" className="num">Same label</th>
            <th scope="col" className="num">n (faces)</th>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map(({ modelA, modelB, kappa }) => (
            <tr key={`${modelA.id}|${modelB.id}`} data-pair={`${modelA.id}|${modelB.id}`}>
              <td>{modelA.id}</td>
              <td>{modelB.id}</td>
              <td className="num" data-stat="kappa" title={kappa.reason ?? undefined}>
                {formatStatistic(kappa.value)}
              </td>
              <td className="num" data-stat="se">
                {formatStatistic(kappa.se)}
              </td>
              <td className="num">
                <ConfidenceInterval low={kappa.ciLow} high={kappa.ciHigh} reason={kappa.reason} format={formatStatistic} stat="ci" />
              </td>
              <td className="num">{formatPercent(kappa.observedAgreement)}</td>
              <td className="num" data-stat="n">
                {formatCount(kappa.n)}
              </td>
              <td>
                <Link href={compareHref(modelA.id, modelB.id)}>compare</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
