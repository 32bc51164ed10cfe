import Link from 'next/link';
import type { FaceQuery } from '../gql/graphql';
import { emotionColour } from '../format/emotion-colours';
import { formatProbability } from '../format/numbers';
import { modelHref } from '../links/dataset-links';

type Prediction = NonNullable<FaceQuery['image']>['predictions'][number];

/**
 * Each model's whole distribution over the canonical emotions as bars, one small chart per model, the chosen
 * label in bold: a near tie shows at a glance. The label and value of every bar are text, so nothing is colour only.
 */
export function ProbabilityBars({ predictions, datasetId }: { predictions: readonly Prediction[]; datasetId: string }) {
  return (
    <div className="distributions">
      {predictions.map((p) => (
        <figure key={p.model.id} className="distribution" data-model-id={p.model.id}>
          <figcaption>
            <Link href={modelHref(datasetId, p.model.id)}>{p.model.id}</Link>
          </figcaption>
          <ul aria-label={`Probabilities by ${p.model.id}`}>
            {p.probabilities.map(({ label, probability }) => (
              <li key={label} className={label === p.label ? 'chosen' : undefined} data-label={label}>
                <span className="distribution-label">{label}</span>
                <span className="distribution-track" aria-hidden="true">
                  {probability !== null && (
                    <span className="distribution-bar" style={{ width: `${(probability * 100).toFixed(1)}%`, background: emotionColour(label) }} />
                  )}
                </span>
                <span className="distribution-value" data-stat="probability">
                  {probability === null ? <abbr title="this model cannot give this label">n/a</abbr> : formatProbability(probability)}
                </span>
              </li>
            ))}
          </ul>
        </figure>
      ))}
    </div>
  );
}
