import Link from 'next/link';
import type { CompareQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { modelHref } from '../links/dataset-links';
import { ConfidenceInterval } from './confidence-interval';
import { Hash } from './hash';
import { LabelList } from './label-list';

type Comparison = CompareQuery['compare'];

/** A p-value as people read it: four significant digits, and "< 0.0001" rather than a string of zeros. */
function formatP(p: number): string {
  return p < 1e-4 ? '< 0.0001' : p.toPrecision(4).replace(/\.?0+$/, '');
}

/**
 * Two models on the same faces: each one's accuracy (with its n), how much they agree (Cohen's κ with SE and CI,
 * and the faces where they differ), and McNemar's test of whether their accuracies differ.
 */
export function ComparisonSummary({ comparison, datasetId }: { comparison: Comparison; datasetId: string }) {
  const { modelA, modelB, kappa, mcnemar } = comparison;
  const models = [
    { model: modelA, accuracy: comparison.accuracyA, key: 'a' },
    { model: modelB, accuracy: comparison.accuracyB, key: 'b' },
  ];
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" aria-label="Accuracy of each model">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">Model</th>
              <th scope="col" className="num">Accuracy</th>
              <th scope="col" className="num">n</th>
              <th scope="col">Model sha256</th>
            </tr>
          </thead>
          <tbody>
            {models.map(({ model, accuracy, key }) => (
              <tr key={key} data-model-id={model.id}>
                <td className="rank">{key.toUpperCase()}</td>
                <th scope="row" className="model-name">
                  <Link href={modelHref(datasetId, model.id)}>{model.name}</Link> <span className="version">{model.version}</span>
                </th>
                <td className="num" data-stat="accuracy" title={accuracy.reason ?? undefined}>
                  {formatPercent(accuracy.value)}
                </td>
                <td className="num" data-stat="n">
                  {formatCount(accuracy.n)}
                </td>
                <td>
                  <Hash value={model.sha256} label="model sha256" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts comparison-facts">
        <div>
          <dt>Cohen&apos;s κ</dt>
          <dd>
            <span data-stat="kappa" title={kappa.reason ?? undefined}>
              {formatStatistic(kappa.value)}
            </span>{' '}
            <span className="uncertainty">
              SE <span data-stat="kappa-se">{formatStatistic(kappa.se)}</span> · {Math.round(kappa.ciLevel * 100)} % CI{' '}
              <ConfidenceInterval low={kappa.ciLow} high={kappa.ciHigh} reason={kappa.reason} format={formatStatistic} stat="kappa-ci" />
            </span>
          </dd>
        </div>
        <div>
          <dt>faces both rated</dt>
          <dd data-stat="n-faces">{formatCount(comparison.nFaces)}</dd>
        </div>
        <div>
          <dt>they differ on</dt>
          <dd>
            <span data-stat="n-differ">{formatCount(comparison.nDiffer)}</span> faces
            {comparison.nFaces > 0 && <span className="muted"> ({formatPercent(comparison.nDiffer / comparison.nFaces)})</span>}
          </dd>
        </div>
        <div>
          <dt>
            <abbr title="McNemar's test of equal accuracy on the paired faces">McNemar</abbr>
          </dt>
          <dd>
            p = <span data-stat="mcnemar-p">{formatP(mcnemar.p)}</span>{' '}
            <span className="muted">
              ({mcnemar.method === 'exact-binomial' ? 'exact binomial' : `χ² = ${formatStatistic(mcnemar.statistic)}, continuity-corrected`}; only A
              right <span data-stat="mcnemar-b">{formatCount(mcnemar.b)}</span>, only B right <span data-stat="mcnemar-c">{formatCount(mcnemar.c)}</span>,
              n {formatCount(mcnemar.n)})
            </span>
          </dd>
        </div>
        <div>
          <dt>label set</dt>
          <dd>
            <LabelList labels={comparison.labelSet} />
          </dd>
        </div>
      </dl>
    </>
  );
}
