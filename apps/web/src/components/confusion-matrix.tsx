import { formatCount } from '../format/numbers';

/**
 * A confusion matrix as a table: rows are gold labels, columns the model's labels, each cell's shade its share
 * of the row (so a rare label's row reads as clearly as a common one's); the diagonal is outlined.
 */
export function ConfusionMatrix({ labels, matrix }: { labels: readonly string[]; matrix: readonly (readonly number[])[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table confusion" aria-label="Confusion matrix: gold label by row, predicted label by column">
        <thead>
          <tr>
            <th scope="col">gold ↓ / predicted →</th>
            {labels.map((l) => (
              <th scope="col" className="num" key={l}>
                {l}
              </th>
            ))}
            <th scope="col" className="num">
              total
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((gold, g) => {
            const row = matrix[g] ?? [];
            const total = row.reduce((sum, n) => sum + n, 0);
            return (
              <tr key={gold} data-gold={gold}>
                <th scope="row">{gold}</th>
                {labels.map((predicted, p) => {
                  const n = row[p] ?? 0;
                  const share = total === 0 ? 0 : n / total;
                  return (
                    <td
                      key={predicted}
                      className={`num${g === p ? ' diagonal' : ''}`}
                      style={{ background: `rgba(47, 111, 115, ${(share * 0.85).toFixed(3)})`, color: share > 0.55 ? '#fff' : undefined }}
                      data-predicted={predicted}
                      title={`gold ${gold}, predicted ${predicted}: ${formatCount(n)} of ${formatCount(total)}`}
                    >
                      {formatCount(n)}
                    </td>
                  );
                })}
                <td className="num muted">{formatCount(total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
