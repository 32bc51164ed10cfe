import Link from 'next/link';
import type { DatasetsQuery } from '../gql/graphql';
import { formatCount } from '../format/numbers';
import { Hash } from './hash';

type Dataset = DatasetsQuery['datasets'][number];

/** Every imported dataset, each a way into its leaderboard. */
export function DatasetList({ datasets }: { datasets: readonly Dataset[] }) {
  return (
    <ul className="card-list">
      {datasets.map((d) => (
        <li key={d.id} className="card">
          <h3>
            <Link href={`/datasets/${encodeURIComponent(d.id)}`}>{d.name}</Link>
          </h3>
          <p className="muted">
            <code>{d.id}</code> · {d.format}
          </p>
          <dl className="facts">
            <div>
              <dt>faces</dt>
              <dd>{formatCount(d.imageCount)}</dd>
            </div>
            <div>
              <dt>splits</dt>
              <dd>{d.splits.map((s) => `${s.split} ${formatCount(s.count)}`).join(', ') || '—'}</dd>
            </div>
            {d.imagesPrivate && (
              <div>
                <dt>images</dt>
                <dd>private (the dataset&apos;s terms)</dd>
              </div>
            )}
            <div>
              <dt>data</dt>
              <dd>
                <Hash value={d.dataSha256} label="data sha256" />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
