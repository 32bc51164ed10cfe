'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { AccuracyRow } from '../../front/front-page-data';
import { formatCount, formatPercent } from '../../format/numbers';
import { Hash } from '../hash';

type SortKey = { column: 'model' } | { column: 'dataset'; datasetId: string };
type Direction = 'ascending' | 'descending';

const sameKey = (a: SortKey, b: SortKey) => a.column === b.column && (a.column === 'model' || (b.column === 'dataset' && a.datasetId === b.datasetId));

/** Rows in the chosen order: models by name, or by accuracy on one dataset with models that did not run there last. */
function sorted(rows: readonly AccuracyRow[], key: SortKey, direction: Direction): AccuracyRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key.column === 'model') return sign * a.modelName.localeCompare(b.modelName) || a.modelId.localeCompare(b.modelId);
    const x = a.cells[key.datasetId]?.accuracy ?? null;
    const y = b.cells[key.datasetId]?.accuracy ?? null;
    if (x === null || y === null) return x === y ? a.modelId.localeCompare(b.modelId) : x === null ? 1 : -1;
    return sign * (x - y) || a.modelId.localeCompare(b.modelId);
  });
}

/**
 * Every model's accuracy on every dataset (the shape of the Hugging Face leaderboards), each cell with its n; sorted
 * in the browser by any column through the buttons in the headers (aria-sort says which and how).
 */
export function AccuracyMatrix({ rows, datasets }: { rows: readonly AccuracyRow[]; datasets: readonly { id: string; name: string }[] }) {
  const [key, setKey] = useState<SortKey>(datasets[0] ? { column: 'dataset', datasetId: datasets[0].id } : { column: 'model' });
  const [direction, setDirection] = useState<Direction>(datasets[0] ? 'descending' : 'ascending');
  const ordered = useMemo(() => sorted(rows, key, direction), [rows, key, direction]);

  const sortBy = (next: SortKey) => {
    if (sameKey(next, key)) setDirection(direction === 'ascending' ? 'descending' : 'ascending');
    else {
      setKey(next);
      setDirection(next.column === 'model' ? 'ascending' : 'descending');
    }
  };
  const ariaSort = (column: SortKey) => (sameKey(column, key) ? direction : 'none');
  const header = (column: SortKey, label: string, className?: string) => (
    <th key={column.column === 'model' ? '' : column.datasetId} scope="col" aria-sort={ariaSort(column)} className={className}>
      <button type="button" className="sort-button" onClick={() => sortBy(column)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {ariaSort(column) === 'ascending' ? '▲' : ariaSort(column) === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );

  return (
    <section className="front-section" aria-labelledby="front-accuracy-heading">
      <h2 id="front-accuracy-heading">Accuracy: every model on every dataset</h2>
      <div className="table-scroll">
        <table className="data-table accuracy-matrix" aria-label="Accuracy of every model on every dataset" aria-describedby="front-accuracy-note">
          <thead>
            <tr>
              {header({ column: 'model' }, 'Model')}
              {datasets.map((d) => header({ column: 'dataset', datasetId: d.id }, d.name, 'num'))}
              <th scope="col">Model sha256</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((row) => (
              <tr key={row.modelId} data-model-id={row.modelId}>
                <th scope="row" className="model-name">
                  {row.modelName}
                </th>
                {datasets.map((d) => {
                  const cell = row.cells[d.id];
                  return (
                    <td key={d.id} className="num" data-dataset-id={d.id} title={cell?.reason ?? undefined}>
                      {cell === undefined ? (
                        <span className="muted">not run</span>
                      ) : (
                        <Link href={`/datasets/${encodeURIComponent(d.id)}/models/${encodeURIComponent(row.modelId)}`}>
                          <span data-stat="accuracy">{formatPercent(cell.accuracy)}</span>
                          <span className="cell-n">
                            n <span data-stat="n">{formatCount(cell.n)}</span>
                          </span>
                        </Link>
                      )}
                    </td>
                  );
                })}
                <td>
                  <Hash value={row.modelSha256} label="model sha256" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="front-accuracy-note">
        Accuracy against each dataset&apos;s gold labels over the n faces the model predicted whose gold label it can emit.
        Sort by any column with the buttons in its header.
      </p>
    </section>
  );
}
