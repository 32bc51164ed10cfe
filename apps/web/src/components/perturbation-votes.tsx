import type { FaceQuery } from '../gql/graphql';
import { formatProbability } from '../format/numbers';
import { FaceImage } from './face-image';

type Columns = NonNullable<FaceQuery['image']>['underPerturbation'];

/**
 * The face clean and under each perturbation a model was run on, side by side (the row scrolls sideways on a
 * phone), each with every model's vote under it; a vote that differs from the model's clean one is marked, in
 * words as well as colour.
 */
export function PerturbationVotes({ imageId, isPrivate, name, columns }: { imageId: string; isPrivate: boolean; name: string; columns: Columns }) {
  return (
    <ul className="perturbation-row" aria-label="The face under each perturbation">
      {columns.map((c) => {
        const label = c.perturbation ?? 'clean';
        return (
          <li key={label} className="perturbation-column" data-perturbation={label}>
            <FaceImage id={imageId} isPrivate={isPrivate} perturbation={c.perturbation} className="perturbed-image" alt={`Face ${name}, ${label}`} size={112} />
            <code className="perturbation-name">{label}</code>
            <ul className="perturbed-votes">
              {c.votes.map((v) => (
                <li key={v.model.id} data-model={v.model.id} data-changed={v.changed === true ? 'true' : undefined} className={v.changed ? 'vote-changed' : undefined}>
                  <span className="model-name" title={v.model.id}>
                    {v.model.name}
                  </span>{' '}
                  {v.label === null ? (
                    <span data-stat="error" title={v.error ?? undefined}>
                      failed
                    </span>
                  ) : (
                    <>
                      <span className="emotion" data-stat="label">
                        {v.label}
                      </span>{' '}
                      <span data-stat="probability">{formatProbability(v.probability)}</span>
                    </>
                  )}
                  {v.changed && <span className="changed-mark"> ≠ clean</span>}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
