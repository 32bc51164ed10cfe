import type { RunStatusQuery } from '../gql/graphql';
import { formatCount } from '../format/numbers';

type Pair = RunStatusQuery['runStatus']['pairs'][number];

/** Every model × dataset: its status, faces done of total with a bar, and faces per second of its latest run. */
export function RunProgressTable({ pairs }: { pairs: readonly Pair[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table run-progress" aria-label="Progress of every model on every dataset">
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Faces done</th>
            <th scope="col" className="num">of</th>
            <th scope="col" className="num">Faces/s</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => {
            const share = p.facesTotal === 0 ? 0 : p.facesDone / p.facesTotal;
            return (
              <tr key={`${p.datasetId}|${p.modelId}`} data-pair={`${p.modelId}|${p.datasetId}`}>
                <td>{p.datasetId}</td>
                <th scope="row" className="model-name">
                  {p.modelName}
                </th>
                <td data-stat="status" title={p.error ?? undefined}>
                  {p.status.toLowerCase()}
                </td>
                <td className="num">
                  <span className="bar" style={{ ['--p' as string]: share }} aria-hidden="true" />
                  <span data-stat="faces-done">{formatCount(p.facesDone)}</span>
                </td>
                <td className="num" data-stat="faces-total">
                  {formatCount(p.facesTotal)}
                </td>
                <td className="num" data-stat="faces-per-second">
                  {p.facesPerSecond == null ? '—' : formatCount(Math.round(p.facesPerSecond))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
