import { landisKoch } from '@ferbench/shared';
import { formatStatistic } from '../format/numbers';

interface CategoryKappa {
  label: string;
  value: number | null;
  reason: string | null;
}

/** Fleiss' κ of each label against the rest: which emotions the models agree on, and which they do not. */
export function CategoryKappaTable({ perCategory }: { perCategory: readonly CategoryKappa[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Fleiss κ per label">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col" className="num">κ</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {perCategory.map((c) => (
            <tr key={c.label} data-label={c.label}>
              <th scope="row">
                <span className="emotion">{c.label}</span>
              </th>
              <td className="num" data-stat="kappa" title={c.reason ?? undefined}>
                {formatStatistic(c.value)}
              </td>
              <td className="muted">{c.value === null ? c.reason : landisKoch(c.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
