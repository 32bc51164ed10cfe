import { formatCount } from '../../format/numbers';
import type { SubmissionQuery } from '../../gql/graphql';

type Progress = NonNullable<SubmissionQuery['submission']>['progress'];

/** A submission's work per dataset: faces predicted and failed of all, jobs done of all. */
export function SubmissionProgressTable({ progress }: { progress: Progress }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption className="visually-hidden">Progress per dataset</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col" className="num">
              Predicted
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num">
              Faces
            </th>
            <th scope="col" className="num">
              Jobs done
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => (
            <tr key={p.datasetId}>
              <th scope="row">{p.datasetId}</th>
              <td className="num">{formatCount(p.predicted)}</td>
              <td className="num">{formatCount(p.failed)}</td>
              <td className="num">{formatCount(p.images)}</td>
              <td className="num">
                {formatCount(p.chunksDone)} / {formatCount(p.chunks)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
