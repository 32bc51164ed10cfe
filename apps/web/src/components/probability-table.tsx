import { EMOTIONS } from '@ferbench/shared';
import type { FaceQuery } from '../gql/graphql';
import { formatProbability } from '../format/numbers';

type Prediction = NonNullable<FaceQuery['image']>['predictions'][number];

/**
 * Every model's full distribution over the canonical labels, side by side: disagreement is often a near tie,
 * which the winning vote alone hides. A blank cell is a label the model cannot give.
 */
export function ProbabilityTable({ predictions }: { predictions: readonly Prediction[] }) {
  const byModel = predictions.map((p) => new Map(p.probabilities.map((lp) => [lp.label, lp.probability])));
  const labels = EMOTIONS.filter((e) => byModel.some((m) => m.get(e) != null));
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Probability of each label, by model">
        <thead>
          <tr>
            <th scope="col">Label</th>
            {predictions.map((p) => (
              <th scope="col" className="num model-column" key={p.model.id} title={p.model.name}>
                {p.model.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {predictions.map((p, i) => {
                const probability = byModel[i]?.get(label);
                return (
                  <td className={`num${p.label === label ? ' voted' : ''}`} key={p.model.id}>
                    {formatProbability(probability)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
