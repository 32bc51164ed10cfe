import Link from 'next/link';
import type { DatasetHeaderFieldsFragment } from '../gql/graphql';
import { graphql } from '../gql';
import { formatCount } from '../format/numbers';
import { type DatasetView, DatasetNav } from './dataset-nav';
import { Hash } from './hash';

export const DatasetHeaderFields = graphql(`
  fragment DatasetHeaderFields on Dataset {
    id
    name
    format
    imageCount
    dataSha256
  }
`);

const TITLES: Record<DatasetView, string> = {
  leaderboard: 'Leaderboard',
  explore: 'Where the models disagree',
  pairwise: "Cohen's κ of every pair of models",
  compare: 'Two models head to head',
  humans: 'People vs models',
  slices: 'Slices',
  robustness: 'How agreement breaks under perturbations',
  trust: 'What to trust: confidence gating and risk–coverage',
  model: 'Model',
};

/** Breadcrumbs, title, the dataset's provenance (faces, data sha256) and its views: the top of every dataset page. */
export function DatasetHeader({ dataset, current, title }: { dataset: DatasetHeaderFieldsFragment; current: DatasetView; title?: string }) {
  const heading = title ?? TITLES[current];
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Datasets</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/datasets/${encodeURIComponent(dataset.id)}`}>{dataset.name}</Link> <span aria-hidden="true">/</span> {heading}
      </nav>
      <h1>
        {heading} <span className="muted">· {dataset.name}</span>
      </h1>
      <p className="muted">
        <code>{dataset.id}</code> · {dataset.format} · {formatCount(dataset.imageCount)} faces · data{' '}
        <Hash value={dataset.dataSha256} label="data sha256" />
      </p>
      <DatasetNav datasetId={dataset.id} current={current} />
    </>
  );
}
