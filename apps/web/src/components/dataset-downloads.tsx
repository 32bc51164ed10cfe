import type { DatasetQuery } from '../gql/graphql';

type Download = NonNullable<DatasetQuery['dataset']>['downloads'][number];

const TABLES: { table: string; what: string }[] = [
  { table: 'predictions', what: 'every model’s probabilities for every face' },
  { table: 'images', what: 'image hashes, gold labels, crowd votes and attributes' },
  { table: 'models', what: 'the model cards' },
  { table: 'leaderboard', what: 'accuracy and macro-F1 with their n' },
  { table: 'agreement', what: 'Fleiss κ with SE and bootstrap CI' },
];

/**
 * The dataset's export as files (served by this app from the API, which streams them): each table as CSV and
 * Parquet, and manifest.json with the sha256 and row count of each.
 */
export function DatasetDownloads({ downloads, datasetName }: { downloads: readonly Download[]; datasetName: string }) {
  const link = (d: Download | undefined, label: string) => (d ? <a href={d.path} download={d.file} data-download={d.file}>{label}</a> : null);
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Download the results</h2>
      <ul className="downloads" aria-label={`Downloads of ${datasetName}`}>
        {TABLES.map(({ table, what }) => (
          <li key={table}>
            <strong>{table}</strong> ({what}): {link(downloads.find((d) => d.table === table && d.format === 'csv'), 'CSV')} ·{' '}
            {link(downloads.find((d) => d.table === table && d.format === 'parquet'), 'Parquet')}
          </li>
        ))}
      </ul>
      <p className="muted">
        {link(downloads.find((d) => d.table === 'manifest'), 'manifest.json')} lists every file with its sha256 and row count, the
        dataset&apos;s content hash, the models&apos; hashes and the ferbench version and commit. Each file&apos;s ETag is its sha256.
      </p>
    </section>
  );
}
