import Link from 'next/link';
import type { DatasetKappa } from '../../front/front-page-data';
import { formatCount, formatStatistic } from '../../format/numbers';
import { ConfidenceInterval } from '../confidence-interval';
import { Hash } from '../hash';
import { KappaChart } from './kappa-chart';

/** The headline: how far the zoo models agree on each dataset, as a chart and as the table that carries its numbers. */
export function KappaOverview({ rows }: { rows: readonly DatasetKappa[] }) {
  return (
    <section className="front-section" aria-labelledby="front-kappa-heading">
      <h2 id="front-kappa-heading">Do the models agree? Fleiss&apos; κ of the zoo models per dataset</h2>
      <figure className="front-figure">
        <KappaChart rows={rows} />
        <figcaption className="table-note">
          Dots: Fleiss&apos; κ among every zoo model that ran on the dataset (1 = all agree, 0 = chance); lines: its bootstrap
          CI. The table below has the same numbers.
        </figcaption>
      </figure>
      <div className="table-scroll">
        <table className="data-table" aria-label="Fleiss κ of the zoo models per dataset" id="front-kappa-table">
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col" className="num">Fleiss κ</th>
              <th scope="col" className="num">CI</th>
              <th scope="col" className="num">n faces</th>
              <th scope="col" className="num">zoo models</th>
              <th scope="col">Data sha256</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.datasetId} data-dataset-id={row.datasetId}>
                <th scope="row">
                  <Link href={`/datasets/${encodeURIComponent(row.datasetId)}`}>{row.datasetName}</Link>
                </th>
                <td className="num" data-stat="kappa" title={row.reason ?? undefined}>
                  {formatStatistic(row.value)}
                </td>
                <td className="num">
                  <span className="visually-hidden">{Math.round(row.ciLevel * 100)} % CI </span>
                  <ConfidenceInterval low={row.ciLow} high={row.ciHigh} reason={row.reason} format={formatStatistic} stat="kappa-ci" />
                </td>
                <td className="num" data-stat="n-faces">
                  {formatCount(row.nFaces)}
                </td>
                <td className="num" data-stat="n-models">
                  {formatCount(row.nModels)}
                </td>
                <td>
                  <Hash value={row.dataSha256} label="data sha256" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
