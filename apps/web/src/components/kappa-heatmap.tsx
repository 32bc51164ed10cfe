import Link from 'next/link';
import type { PairwiseQuery } from '../gql/graphql';
import { kappaColours } from '../format/kappa-colour';
import { formatCount, formatStatistic } from '../format/numbers';

type Pairwise = PairwiseQuery['pairwise'];
type Pair = Pairwise['pairs'][number];

/** The pair of two models, whichever order the API listed it in. */
export function findPair(pairs: readonly Pair[], a: string, b: string): Pair | undefined {
  return pairs.find((p) => (p.modelA.id === a && p.modelB.id === b) || (p.modelA.id === b && p.modelB.id === a));
}

/**
 * Cohen's κ of every pair of models as a symmetric matrix: a real table (row and column headers for screen
 * readers) whose cells are coloured by κ, each printing its value and linking to the two models' comparison.
 */
export function KappaHeatmap({ pairwise, compareHref }: { pairwise: Pairwise; compareHref: (a: string, b: string) => string }) {
  const { models, pairs } = pairwise;
  return (
    <div className="table-scroll">
      <table className="data-table heatmap" aria-label="Cohen κ heatmap" aria-describedby="heatmap-note">
        <thead>
          <tr>
            <td />
            {models.map((m) => (
              <th scope="col" key={m.id} className="model-column" title={m.name}>
                {m.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((row) => (
            <tr key={row.id}>
              <th scope="row" title={row.name}>
                {row.id}
              </th>
              {models.map((column) => {
                if (row.id === column.id)
                  return (
                    <td key={column.id} className="num diagonal" aria-label="same model">
                      —
                    </td>
                  );
                const pair = findPair(pairs, row.id, column.id);
                const kappa = pair?.kappa ?? null;
                const colours = kappaColours(kappa?.value ?? null);
                const detail = kappa
                  ? kappa.value === null
                    ? `κ undefined: ${kappa.reason ?? 'no reason given'} (n ${formatCount(kappa.n)})`
                    : `κ ${formatStatistic(kappa.value)}, ${Math.round(kappa.ciLevel * 100)} % CI ${formatStatistic(kappa.ciLow)} – ${formatStatistic(kappa.ciHigh)}, n ${formatCount(kappa.n)} faces`
                  : 'no pair';
                return (
                  <td key={column.id} className="num heat" style={colours} data-pair={`${row.id}|${column.id}`} title={detail}>
                    <Link href={compareHref(row.id, column.id)} style={{ color: colours.color }} aria-label={`${row.id} vs ${column.id}: ${detail}`}>
                      <span data-stat="kappa">{formatStatistic(kappa?.value)}</span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
