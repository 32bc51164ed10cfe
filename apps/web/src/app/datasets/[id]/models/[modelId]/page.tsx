import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../../../components/api-error';
import { CalibrationSummary } from '../../../../../components/calibration-summary';
import { ClassMetricsTable } from '../../../../../components/class-metrics-table';
import { ConfusionMatrix } from '../../../../../components/confusion-matrix';
import { DatasetHeader } from '../../../../../components/dataset-header';
import { Hash } from '../../../../../components/hash';
import { LabelList } from '../../../../../components/label-list';
import { Notice } from '../../../../../components/notice';
import { exploreHref } from '../../../../../explore/explore-params';
import { formatCount, formatPercent, formatStatistic } from '../../../../../format/numbers';
import { graphql } from '../../../../../gql';
import { runQuery } from '../../../../../graphql/client';
import { datasetHref } from '../../../../../links/dataset-links';
import { renderedOnFirstVisit } from '../../../../../graphql/rendered-on-visit';

// ISR: see renderedOnFirstVisit.
export const revalidate = 2;
export const generateStaticParams = renderedOnFirstVisit;

const ModelConfusionQuery = graphql(`
  query ModelConfusion($id: ID!, $model: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
    }
    confusion(dataset: $id, model: $model) {
      model {
        id
        name
        version
        sha256
        architecture
        trainingData
        licence
        sourceUrl
        emotions
        ensemble {
          rule
          members
          builtin
        }
      }
      labelSet
      matrix
      n
      accuracy
      macroF1
      balancedAccuracy
      reason
      perClass {
        label
        support
        predicted
        precision
        recall
        f1
      }
    }
  }
`);

const ModelCalibrationQuery = graphql(`
  query ModelCalibration($id: ID!, $model: ID!) {
    calibration(dataset: $id, models: [$model]) {
      model {
        id
      }
      n
      accuracy
      ece
      mce
      brier
      nll
      aurc
      selective {
        threshold
        coverage
        accuracy
      }
      reliability {
        lower
        upper
        n
        confidence
        accuracy
      }
      riskCoverage {
        coverage
        risk
        threshold
      }
      temperature {
        temperature
        fitSplit
        reportSplit
        nFit
        nReport
        before {
          ece
          nll
        }
        after {
          ece
          nll
        }
      }
    }
  }
`);

export default async function ModelPage({ params }: { params: Promise<{ id: string; modelId: string }> }) {
  const { id, modelId: rawModelId } = await params;
  const modelId = decodeURIComponent(rawModelId);
  const [result, calibrated] = await Promise.all([runQuery(ModelConfusionQuery, { id, model: modelId }), runQuery(ModelCalibrationQuery, { id, model: modelId })]);
  if (result.error) return <ApiError error={result.error} what={`model ${modelId} on ${id}`} />;
  const { dataset, confusion } = result.data;
  if (!dataset) notFound();
  const { model } = confusion;

  return (
    <>
      <DatasetHeader dataset={dataset} current="model" title={model.name} />
      <dl className="facts">
        <div>
          <dt>id</dt>
          <dd>
            <code>{model.id}</code> {model.version}
          </dd>
        </div>
        {model.ensemble && (
          <div>
            <dt>ensemble</dt>
            <dd data-stat="ensemble">
              {model.ensemble.rule === 'mean' ? 'mean probability' : 'majority vote'} of {model.ensemble.members.join(', ')}
              {model.ensemble.builtin && ' (built in: every registered zoo model)'}
            </dd>
          </div>
        )}
        <div>
          <dt>architecture</dt>
          <dd>{model.architecture}</dd>
        </div>
        <div>
          <dt>trained on</dt>
          <dd>{model.trainingData}</dd>
        </div>
        <div>
          <dt>licence</dt>
          <dd>
            <a href={model.sourceUrl}>{model.licence}</a>
          </dd>
        </div>
        <div>
          <dt>model</dt>
          <dd>
            <Hash value={model.sha256} label="model sha256" />
          </dd>
        </div>
      </dl>
      {confusion.n === 0 ? (
        <Notice tone="empty" title="No face of this dataset is scored for this model">
          <p>
            {confusion.reason ?? 'No predictions yet.'} Run it with <code>ferbench run --dataset {id} --models {model.id}</code>.
          </p>
        </Notice>
      ) : (
        <>
          <dl className="facts model-scores">
            <div>
              <dt>accuracy</dt>
              <dd data-stat="accuracy">{formatPercent(confusion.accuracy)}</dd>
            </div>
            <div>
              <dt>macro-F1</dt>
              <dd data-stat="macro-f1">{formatStatistic(confusion.macroF1)}</dd>
            </div>
            <div>
              <dt>balanced accuracy</dt>
              <dd data-stat="balanced-accuracy">{formatPercent(confusion.balancedAccuracy)}</dd>
            </div>
            <div>
              <dt>n (faces)</dt>
              <dd data-stat="n">{formatCount(confusion.n)}</dd>
            </div>
            <div>
              <dt>labels scored</dt>
              <dd>
                <LabelList labels={confusion.labelSet} />
              </dd>
            </div>
          </dl>
          <section aria-labelledby="confusion-heading">
            <h2 id="confusion-heading">Confusion matrix</h2>
            <ConfusionMatrix labels={confusion.labelSet} matrix={confusion.matrix} />
            <p className="table-note">
              Faces whose gold label the model can give; a prediction outside those labels counts as the most probable label
              inside them. Shade: share of the row.
            </p>
          </section>
          {calibrated.error ? (
            <ApiError error={calibrated.error} what="the calibration" />
          ) : (
            calibrated.data.calibration[0] && <CalibrationSummary calibration={calibrated.data.calibration[0]} />
          )}
          <section aria-labelledby="per-class-heading">
            <h2 id="per-class-heading">Per label</h2>
            <ClassMetricsTable perClass={confusion.perClass} />
          </section>
          <p>
            <Link href={exploreHref(id, {})}>Explore the faces</Link> where the models disagree, or{' '}
            <Link href={datasetHref(id, '/pairwise')}>see how far this model agrees with each other one</Link>.
          </p>
        </>
      )}
    </>
  );
}
