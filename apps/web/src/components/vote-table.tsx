import Link from 'next/link';
import type { CSSProperties } from 'react';
import type { FaceQuery } from '../gql/graphql';
import { formatProbability } from '../format/numbers';
import { modelHref } from '../links/dataset-links';
import { Hash } from './hash';

type Prediction = NonNullable<FaceQuery['image']>['predictions'][number];

/** What each model says this face shows, how sure it is, and whether that matches the gold label. */
export function VoteTable({ predictions, goldLabel, datasetId }: { predictions: readonly Prediction[]; goldLabel: string | null; datasetId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Model votes">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Vote</th>
            <th scope="col" className="num">Probability</th>
            {goldLabel !== null && <th scope="col">Matches gold</th>}
            <th scope="col">Model sha256</th>
          </tr>
        </thead>
        <tbody>
          {predictions.map((p) => {
            const correct = p.label === goldLabel;
            return (
              <tr key={p.model.id} data-model-id={p.model.id}>
                <th scope="row" className="model-name">
                  <Link href={modelHref(datasetId, p.model.id)}>{p.model.name}</Link> <span className="version">{p.model.version}</span>
                </th>
                <td data-stat="vote">
                  <span className="emotion">{p.label}</span>
                </td>
                <td className="num" data-stat="probability">
                  <span className="bar" style={{ '--p': p.probability } as CSSProperties} aria-hidden="true" />
                  {formatProbability(p.probability)}
                </td>
                {goldLabel !== null && (
                  <td className={correct ? 'yes' : 'no'}>{correct ? '✓ yes' : '✗ no'}</td>
                )}
                <td>
                  <Hash value={p.model.sha256} label="model sha256" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
