import type { Metadata } from 'next';
import { ApiError } from '../../components/api-error';
import { RefreshWhile } from '../../components/refresh-while';
import { RunProgressTable } from '../../components/run-progress-table';
import { graphql } from '../../gql';
import { runLiveQuery } from '../../graphql/client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Status of the runs' };

const RunStatusQuery = graphql(`
  query RunStatus {
    runStatus {
      active
      bootstrap {
        phase
        detail
        startedAt
        updatedAt
        finishedAt
      }
      pairs {
        modelId
        modelName
        datasetId
        status
        facesDone
        facesTotal
        facesPerSecond
        error
      }
    }
  }
`);

const PHASES: Record<string, string> = {
  importing: 'Importing datasets',
  installing: 'Installing the zoo models',
  running: 'Running every model on every dataset',
  done: 'Finished',
  failed: 'Stopped with an error',
};

/** /status: what `npm start`'s background import and runs are doing, refreshed every 1.5 s while they go on. */
export default async function StatusPage() {
  const result = await runLiveQuery(RunStatusQuery, {});
  if (result.error) return <ApiError error={result.error} what="the status of the runs" />;
  const { active, bootstrap, pairs } = result.data.runStatus;
  const done = pairs.filter((p) => p.status === 'DONE').length;
  return (
    <>
      <h1>Status of the runs</h1>
      <RefreshWhile active={active} />
      <p className="lede" role="status" data-stat="bootstrap-phase" data-phase={bootstrap?.phase ?? 'none'}>
        {bootstrap === null ? 'No bootstrap has run against this database.' : `${PHASES[bootstrap.phase] ?? bootstrap.phase}${bootstrap.detail ? `: ${bootstrap.detail}` : ''}.`}{' '}
        <span data-stat="pairs-done">{done}</span> of <span data-stat="pairs-total">{pairs.length}</span> model × dataset pairs done
        {active ? ' (this page refreshes itself while runs go on).' : '.'}
      </p>
      {pairs.length > 0 && <RunProgressTable pairs={pairs} />}
    </>
  );
}
