import Link from 'next/link';

export type DatasetView = 'leaderboard' | 'explore' | 'pairwise' | 'compare' | 'humans' | 'slices' | 'robustness' | 'trust' | 'model';

const VIEWS: { view: Exclude<DatasetView, 'model'>; path: string; name: string }[] = [
  { view: 'leaderboard', path: '', name: 'Leaderboard' },
  { view: 'explore', path: '/explore', name: 'Disagreements' },
  { view: 'pairwise', path: '/pairwise', name: 'Pairwise κ' },
  { view: 'compare', path: '/compare', name: 'Compare two models' },
  { view: 'humans', path: '/humans', name: 'People vs models' },
  { view: 'slices', path: '/slices', name: 'Slices' },
  { view: 'robustness', path: '/robustness', name: 'Robustness' },
  { view: 'trust', path: '/trust', name: 'What to trust' },
];

/** The ways to look at one dataset, on every page about it; the current one is marked for screen readers. */
export function DatasetNav({ datasetId, current }: { datasetId: string; current: DatasetView }) {
  const base = `/datasets/${encodeURIComponent(datasetId)}`;
  return (
    <nav className="dataset-nav" aria-label="Views of this dataset">
      <ul>
        {VIEWS.map(({ view, path, name }) => (
          <li key={view}>
            <Link href={`${base}${path}`} aria-current={view === current ? 'page' : undefined}>
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
