import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgreementSummary } from '../../../components/agreement-summary';
import { ComparePicker } from '../../../components/compare-picker';
import { DatasetDownloads } from '../../../components/dataset-downloads';
import { DatasetNav } from '../../../components/dataset-nav';
import { ForestPlot } from '../../../components/charts/forest-plot';
import { ApiError } from '../../../components/api-error';
import { Hash } from '../../../components/hash';
import { LeaderboardTable } from '../../../components/leaderboard-table';
import { Notice } from '../../../components/notice';
import { RatingCorrelation } from '../../../components/rating-correlation';
import { ZooKappa } from '../../../components/zoo-kappa';
import { formatCount } from '../../../format/numbers';
import { graphql } from '../../../gql';
import { runQuery } from '../../../graphql/client';
import { renderedOnFirstVisit } from '../../../graphql/rendered-on-visit';

// ISR: see renderedOnFirstVisit.
export const revalidate = 2;
export const generateStaticParams = renderedOnFirstVisit;

// Asked separately so an unknown id is a 404, not the leaderboard's error.
const DatasetQuery = graphql(`
  query Dataset($id: ID!) {
    dataset(id: $id) {
      id
      name
      format
      imageCount
      dataSha256
      humanVotedFaces
      humanRatedFaces
      downloads {
        table
        format
        file
        path
      }
    }
  }
`);

const LeaderboardQuery = graphql(`
  query Leaderboard($id: ID!) {
    leaderboard(dataset: $id) {
      entries {
        model {
          id
          name
          version
          sha256
          ensemble {
            rule
            members
          }
        }
        n
        accuracy
        accuracyReason
        accuracyCiLow
        accuracyCiHigh
        kappa
        kappaCiLow
        kappaCiHigh
        macroF1
        macroF1Reason
        labelSet
        snapshot {
          snapshotId
          snapshotCreatedAt
        }
        latestSnapshot {
          snapshotId
          accuracy
          n
        }
      }
    }
    agreement(dataset: $id) {
      models {
        id
        name
        version
        sha256
      }
      nFaces
      nRaters
      labelSet
      fleiss {
        ...EstimateFields
        interpretation
        perCategory {
          label
          value
          reason
        }
      }
      krippendorffAlpha {
        ...EstimateFields
      }
      gwetAc1 {
        ...EstimateFields
      }
      percentAgreement {
        ...EstimateFields
      }
    }
  }
`);


export default async function LeaderboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [datasetResult, board] = await Promise.all([runQuery(DatasetQuery, { id }), runQuery(LeaderboardQuery, { id })]);
  if (datasetResult.error) return <ApiError error={datasetResult.error} what="the dataset" />;
  const dataset = datasetResult.data.dataset;
  if (!dataset) notFound();

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Datasets</Link> <span aria-hidden="true">/</span> {dataset.name}
      </nav>
      <h1>{dataset.name}</h1>
      <p className="muted">
        <code>{dataset.id}</code> · {dataset.format} · {formatCount(dataset.imageCount)} faces · data{' '}
        <Hash value={dataset.dataSha256} label="data sha256" />
      </p>
      <DatasetNav datasetId={dataset.id} current="leaderboard" />
      {dataset.humanVotedFaces > 0 && (
        <p>
          <Link href={`/datasets/${dataset.id}/humans`}>People as raters</Link>: {formatCount(dataset.humanVotedFaces)} faces have crowd votes;
          see how much people agree, and whether the faces that divide them divide the models.
        </p>
      )}
      {board.error ? (
        <ApiError error={board.error} what="the leaderboard" />
      ) : board.data.leaderboard.entries.length === 0 ? (
        <Notice tone="empty" title="No model has been run on this dataset yet">
          <p>
            Register a model with <code>ferbench model add &lt;file.onnx&gt; --card &lt;card.json&gt;</code>, then run
            it with <code>ferbench run --dataset {dataset.id}</code>.
          </p>
        </Notice>
      ) : (
        <>
          <AgreementSummary agreement={board.data.agreement} dataSha256={dataset.dataSha256} />
          <ZooKappa datasetId={dataset.id} />
          <section aria-labelledby="leaderboard-heading">
            <h2 id="leaderboard-heading">Leaderboard</h2>
            <LeaderboardTable entries={board.data.leaderboard.entries} datasetId={dataset.id} datasetName={dataset.name} />
            <h3>Accuracy and κ with their confidence intervals</h3>
            <ForestPlot
              rows={board.data.leaderboard.entries.map((e) => ({
                model: e.model.id,
                ensemble: e.model.ensemble !== null && e.model.ensemble !== undefined,
                n: e.n,
                accuracy: e.accuracy ?? null,
                accuracyCiLow: e.accuracyCiLow ?? null,
                accuracyCiHigh: e.accuracyCiHigh ?? null,
                kappa: e.kappa ?? null,
                kappaCiLow: e.kappaCiLow ?? null,
                kappaCiHigh: e.kappaCiHigh ?? null,
              }))}
            />
          </section>
          {dataset.humanRatedFaces > 0 && <RatingCorrelation datasetId={dataset.id} />}
          <DatasetDownloads downloads={dataset.downloads} datasetName={dataset.name} />
          <p>
            <Link href={`/datasets/${dataset.id}/trust`}>What to trust</Link>: do the models agree more where every one of them is
            confident, how many faces does that leave, and how fast does each model's error fall as it abstains?
          </p>
          {board.data.leaderboard.entries.length >= 2 && (
            <section aria-labelledby="compare-heading">
              <h2 id="compare-heading">Compare two models</h2>
              <ComparePicker datasetId={dataset.id} models={board.data.leaderboard.entries.map((e) => e.model)} a={null} b={null} />
            </section>
          )}
        </>
      )}
    </>
  );
}
