import Link from 'next/link';
import type { LeaderboardQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { modelHref } from '../links/dataset-links';
import { Hash } from './hash';

type Entry = LeaderboardQuery['leaderboard']['entries'][number];

/** The snapshot that holds this number (cite it), or the newest snapshot's number beside a live one that moved since. */
function SnapshotCell({ entry }: { entry: Entry }) {
  if (entry.snapshot) return <code title={`held by snapshot ${entry.snapshot.snapshotId}`}>{entry.snapshot.snapshotId}</code>;
  if (entry.latestSnapshot)
    return (
      <span title={`snapshot ${entry.latestSnapshot.snapshotId}: n ${entry.latestSnapshot.n}`}>
        {formatPercent(entry.latestSnapshot.accuracy)} in <code>{entry.latestSnapshot.snapshotId}</code>
      </span>
    );
  return <span className="muted">none</span>;
}

/** Every model's accuracy and macro-F1 on one dataset, each with the n and model hash behind it. */
export function LeaderboardTable({ entries, datasetId, datasetName }: { entries: readonly Entry[]; datasetId: string; datasetName: string }) {
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" aria-label={`Leaderboard on ${datasetName}`} aria-describedby="leaderboard-note">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">Accuracy</th>
              <th scope="col" className="num">Macro-F1</th>
              <th scope="col" className="num">n</th>
              <th scope="col">Labels</th>
              <th scope="col">Model sha256</th>
              <th scope="col">Snapshot</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={e.model.id} data-model-id={e.model.id}>
                <td className="rank">{i + 1}</td>
                <th scope="row" className="model-name">
                  <Link href={modelHref(datasetId, e.model.id)}>{e.model.name}</Link> <span className="version">{e.model.version}</span>
                  {e.model.ensemble && (
                    <span className="ensemble-badge" data-stat="ensemble-members" title={`${e.model.ensemble.rule} of ${e.model.ensemble.members.join(', ')}`}>
                      {' '}
                      ensemble: {e.model.ensemble.rule} of {e.model.ensemble.members.join(', ')}
                    </span>
                  )}
                </th>
                <td className="num" data-stat="accuracy" title={e.accuracyReason ?? undefined}>
                  {formatPercent(e.accuracy)}
                </td>
                <td className="num" data-stat="macro-f1" title={e.macroF1Reason ?? undefined}>
                  {formatStatistic(e.macroF1)}
                </td>
                <td className="num" data-stat="n">
                  {formatCount(e.n)}
                </td>
                <td>
                  <abbr title={e.labelSet.join(', ')}>{e.labelSet.length}</abbr>
                </td>
                <td>
                  <Hash value={e.model.sha256} label="model sha256" />
                </td>
                <td data-stat="snapshot">
                  <SnapshotCell entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="leaderboard-note">
        Accuracy and macro-F1 against the dataset&apos;s gold labels, over the faces each model has a prediction for
        (n) and the labels both the model and the dataset can give. Snapshot: the frozen, downloadable snapshot that
        holds exactly this number (<code>ferbench snapshot create</code>), or the newest snapshot&apos;s accuracy where the
        live number has moved since. Ensembles (e.g. zoo-mean, zoo-vote) are computed from their
        members&apos; stored predictions and are left out of κ among models.
      </p>
    </>
  );
}
