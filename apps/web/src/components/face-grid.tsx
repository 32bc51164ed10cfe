import Link from 'next/link';
import type { FaceCardFieldsFragment } from '../gql/graphql';
import { formatStatistic } from '../format/numbers';
import { FaceImage } from './face-image';
import { VoteBar } from './vote-bar';

/** The file name of a face's key (keys are paths in the dataset's layout). */
export function faceName(key: string): string {
  return key.split('/').pop() ?? key;
}

/**
 * Faces as a grid of cards, each linking to its face page: the face, its vote bar (over `labels`, the connection's
 * label set), the majority and the vote entropy.
 */
export function FaceGrid({ faces, labels, label }: { faces: readonly FaceCardFieldsFragment[]; labels: readonly string[]; label: string }) {
  return (
    <ul className="face-grid" aria-label={label}>
      {faces.map(({ node, agreement }) => {
        const name = faceName(node.key);
        return (
          <li key={node.id} className="face-card" data-image-id={node.id}>
            <Link href={`/images/${encodeURIComponent(node.id)}`} className="face-card-link">
              <FaceImage id={node.id} isPrivate={node.imagePrivate} alt="" size={96} className="face-card-image" />
              <span className="face-card-name">{name}</span>
            </Link>
            <VoteBar labels={labels} counts={agreement.voteCounts} goldLabel={node.goldLabel} />
            <dl className="face-card-facts">
              <div>
                <dt>gold</dt>
                <dd>{node.goldLabel ?? 'none'}</dd>
              </div>
              <div>
                <dt>majority</dt>
                <dd>{agreement.majority ? `${agreement.majority.label}${agreement.majority.tied ? ' (tie)' : ''}` : '—'}</dd>
              </div>
              <div>
                <dt>
                  <abbr title="Entropy of the model votes in bits: 0 when all agree">H</abbr>
                </dt>
                <dd data-stat="entropy-bits">{formatStatistic(agreement.entropyBits)}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
