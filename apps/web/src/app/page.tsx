import Link from 'next/link';
import { ApiError } from '../components/api-error';
import { DatasetList } from '../components/dataset-list';
import { AccuracyMatrix } from '../components/front/accuracy-matrix';
import { KappaOverview } from '../components/front/kappa-overview';
import { Notice } from '../components/notice';
import { accuracyRows, type DatasetKappa } from '../front/front-page-data';
import { graphql } from '../gql';
import { runLiveQuery, runQuery } from '../graphql/client';

export const dynamic = 'force-dynamic';

const DatasetsQuery = graphql(`
  query Datasets {
    datasets {
      id
      name
      format
      imageCount
      imagesPrivate
      splits {
        split
        count
      }
      dataSha256
    }
  }
`);

const RunsActiveQuery = graphql(`
  query RunsActive {
    runStatus {
      active
      pairs {
        status
      }
    }
  }
`);

const FrontLeaderboardQuery = graphql(`
  query FrontLeaderboard($id: ID!) {
    leaderboard(dataset: $id) {
      entries {
        model {
          id
          name
          sha256
          zoo
        }
        n
        accuracy
        accuracyReason
      }
    }
  }
`);

const FrontKappaQuery = graphql(`
  query FrontKappa($id: ID!, $models: [ID!]!) {
    agreement(dataset: $id, models: $models) {
      nFaces
      nRaters
      labelSet
      fleiss {
        value
        reason
        ciLow
        ciHigh
        ciReason
        ciLevel
      }
    }
  }
`);

type Dataset = { id: string; name: string; dataSha256: string };

/** κ of the zoo models that ran on the dataset; fewer than two of them: none, and why. */
async function zooKappa(dataset: Dataset, zoo: readonly string[]): Promise<DatasetKappa | { error: string }> {
  const base = { datasetId: dataset.id, datasetName: dataset.name, dataSha256: dataset.dataSha256, nModels: zoo.length };
  if (zoo.length < 2)
    return { ...base, nFaces: 0, value: null, ciLow: null, ciHigh: null, ciLevel: 0.95, labelSet: [], reason: `${zoo.length} zoo model(s) ran on it; κ needs two` };
  const result = await runQuery(FrontKappaQuery, { id: dataset.id, models: [...zoo] });
  if (result.error) return { error: result.error.message };
  const { agreement } = result.data;
  const { fleiss } = agreement;
  return {
    ...base,
    nModels: agreement.nRaters,
    nFaces: agreement.nFaces,
    value: fleiss.value ?? null,
    ciLow: fleiss.ciLow ?? null,
    ciHigh: fleiss.ciHigh ?? null,
    ciLevel: fleiss.ciLevel,
    labelSet: agreement.labelSet,
    reason: fleiss.reason ?? fleiss.ciReason ?? null,
  };
}

/** The answer first: κ of the zoo models per dataset, then every model's accuracy on every dataset, then the datasets. */
export default async function FrontPage() {
  const [result, runs] = await Promise.all([runQuery(DatasetsQuery, {}), runLiveQuery(RunsActiveQuery, {})]);
  if (result.error) return <ApiError error={result.error} what="the datasets" />;
  const { datasets } = result.data;
  const active = runs.data?.runStatus.active === true;
  const pairsDone = runs.data?.runStatus.pairs.filter((p) => p.status === 'DONE').length ?? 0;
  const boards = await Promise.all(
    datasets.map(async (d) => ({ dataset: d, board: await runQuery(FrontLeaderboardQuery, { id: d.id }) })),
  );
  const failedBoard = boards.find((b) => b.board.error);
  const leaderboards = boards.map(({ dataset, board }) => ({ datasetId: dataset.id, entries: board.data?.leaderboard.entries ?? [] }));
  const kappas = await Promise.all(
    boards.map(({ dataset, board }) => zooKappa(dataset, (board.data?.leaderboard.entries ?? []).filter((e) => e.model.zoo).map((e) => e.model.id))),
  );
  const kappaRows = kappas.filter((k): k is DatasetKappa => !('error' in k));
  const kappaError = kappas.find((k): k is { error: string } => 'error' in k);
  const rows = accuracyRows(leaderboards);
  return (
    <>
      <h1>How much do facial emotion recognition models agree?</h1>
      <p className="lede">
        Every model&apos;s prediction for every face, and how far the models agree with each other on the same faces. Pick a
        dataset for its leaderboard, the faces the models disagree on, and every pair of models.
      </p>
      {active && (
        <p className="notice runs-active" role="status">
          Runs are still going on ({pairsDone} of {runs.data?.runStatus.pairs.length ?? 0} model × dataset pairs done): the numbers
          below grow as they finish. <Link href="/status">See their progress</Link>.
        </p>
      )}
      {datasets.length === 0 ? (
        <Notice tone="empty" title="No datasets yet">
          <p>
            Run <code>npm start</code> (it imports the shipped data and models), or import one yourself with{' '}
            <code>ferbench dataset import --format rafdb|imagefolder &lt;folder&gt;</code> and run the models on it with{' '}
            <code>ferbench run --dataset &lt;id&gt;</code>.
          </p>
        </Notice>
      ) : (
        <>
          {kappaError && <Notice tone="error" title="Some agreement could not be computed"><p>{kappaError.error}</p></Notice>}
          {kappaRows.length > 0 && <KappaOverview rows={kappaRows} />}
          {failedBoard?.board.error && <ApiError error={failedBoard.board.error} what={`the leaderboard of ${failedBoard.dataset.name}`} />}
          {rows.length > 0 && <AccuracyMatrix rows={rows} datasets={datasets.map((d) => ({ id: d.id, name: d.name }))} />}
          <section className="front-section" aria-labelledby="front-datasets-heading">
            <h2 id="front-datasets-heading">Datasets</h2>
            <DatasetList datasets={datasets} />
          </section>
        </>
      )}
    </>
  );
}
