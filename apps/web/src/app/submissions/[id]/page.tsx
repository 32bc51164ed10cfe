import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../components/api-error';
import { Hash } from '../../../components/hash';
import { RefreshWhile } from '../../../components/refresh-while';
import { SubmissionProgressTable } from '../../../components/submit/submission-progress-table';
import { formatCount } from '../../../format/numbers';
import { graphql } from '../../../gql';
import { runLiveQuery } from '../../../graphql/client';
import { datasetHref, modelHref } from '../../../links/dataset-links';
import '../../forms.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Submission' };

const SubmissionQuery = graphql(`
  query Submission($id: ID!) {
    submission(id: $id) {
      id
      status
      modelId
      sha256
      log
      reason
      createdAt
      startedAt
      finishedAt
      model {
        id
        name
        version
      }
      progress {
        datasetId
        images
        predicted
        failed
        chunks
        chunksDone
      }
    }
  }
`);

/** A DateTimeISO scalar (an ISO string on the wire) as "2026-11-28 13:05:12 UTC". */
const utcTime = (value: unknown) => `${String(value).replace('T', ' ').slice(0, 19)} UTC`;

const STATUS_WORDS = {
  QUEUED: 'queued: waiting for a worker',
  RUNNING: 'running: workers are predicting faces',
  DONE: 'done: every face of every dataset is predicted',
  FAILED: 'failed',
} as const;

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await runLiveQuery(SubmissionQuery, { id });
  if (result.error) return <ApiError error={result.error} what="this submission" />;
  const submission = result.data.submission;
  if (!submission) notFound();
  const finished = submission.status === 'DONE' || submission.status === 'FAILED';
  const predicted = submission.progress.reduce((sum, p) => sum + p.predicted, 0);
  const images = submission.progress.reduce((sum, p) => sum + p.images, 0);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/submit">Submit a model</Link> <span aria-hidden="true">/</span> submission {submission.id}
      </nav>
      <h1>
        {submission.model.name} <span className="muted">{submission.model.version}</span>
      </h1>
      <RefreshWhile active={!finished} />
      <dl className="facts">
        <div>
          <dt>status</dt>
          <dd role="status" aria-live="polite" data-status={submission.status} className={`submission-status status-${submission.status.toLowerCase()}`}>
            {STATUS_WORDS[submission.status]}
            {!finished && images > 0 && ` (${formatCount(predicted)} of ${formatCount(images)} faces)`}
          </dd>
        </div>
        <div>
          <dt>model id</dt>
          <dd>
            <code>{submission.modelId}</code>
          </dd>
        </div>
        <div>
          <dt>file</dt>
          <dd>
            <Hash value={submission.sha256} />
          </dd>
        </div>
        <div>
          <dt>submitted</dt>
          <dd>{utcTime(submission.createdAt)}</dd>
        </div>
        {submission.finishedAt != null && (
          <div>
            <dt>finished</dt>
            <dd>{utcTime(submission.finishedAt)}</dd>
          </div>
        )}
      </dl>
      {!finished && <p className="muted">This page updates itself until the work is done.</p>}
      {submission.status === 'FAILED' && (
        <section className="notice notice-error" role="alert">
          <h2>Why it failed</h2>
          <p>{submission.reason ?? 'No reason was recorded; see the log.'}</p>
        </section>
      )}
      {submission.status === 'DONE' && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">On the leaderboards</h2>
          <ul>
            {submission.progress.map((p) => (
              <li key={p.datasetId}>
                <Link href={datasetHref(p.datasetId)}>{p.datasetId} leaderboard</Link> ·{' '}
                <Link href={modelHref(p.datasetId, submission.modelId)}>
                  {submission.modelId} on {p.datasetId}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress per dataset</h2>
        {submission.progress.length === 0 ? (
          <p className="muted">No worker has planned the work yet.</p>
        ) : (
          <SubmissionProgressTable progress={submission.progress} />
        )}
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Log</h2>
        {submission.log === '' ? <p className="muted">Nothing logged yet.</p> : <pre className="log">{submission.log}</pre>}
      </section>
    </>
  );
}
