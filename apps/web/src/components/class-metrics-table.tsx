import type { CSSProperties } from 'react';
import type { ModelConfusionQuery } from '../gql/graphql';
import { emotionColour } from '../format/emotion-colours';
import { formatCount, formatStatistic } from '../format/numbers';

type ClassMetrics = ModelConfusionQuery['confusion']['perClass'][number];

/** Precision, recall and F1 of each label, with its support and how often the model said it. */
export function ClassMetricsTable({ perClass }: { perClass: readonly ClassMetrics[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Precision, recall and F1 per label">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col" className="num">Precision</th>
            <th scope="col" className="num">Recall</th>
            <th scope="col" className="num">F1</th>
            <th scope="col" className="num">Support (gold)</th>
            <th scope="col" className="num">Predicted</th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c) => (
            <tr key={c.label} data-label={c.label}>
              <th scope="row">
                <span className="swatch" style={{ background: emotionColour(c.label) }} aria-hidden="true" /> {c.label}
              </th>
              <td className="num" data-stat="precision" title={c.precision === null ? 'the model never gave this label' : undefined}>
                {formatStatistic(c.precision)}
              </td>
              <td className="num" data-stat="recall" title={c.recall === null ? 'no face has this gold label' : undefined}>
                {formatStatistic(c.recall)}
              </td>
              <td className="num" data-stat="f1">
                <span className="bar" style={{ '--p': c.f1 ?? 0 } as CSSProperties} aria-hidden="true" />
                {formatStatistic(c.f1)}
              </td>
              <td className="num" data-stat="support">
                {formatCount(c.support)}
              </td>
              <td className="num" data-stat="predicted">
                {formatCount(c.predicted)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
