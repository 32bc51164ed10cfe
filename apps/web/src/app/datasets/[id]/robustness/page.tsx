import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { DatasetHeader } from '../../../../components/dataset-header';
import { Hash } from '../../../../components/hash';
import { Notice } from '../../../../components/notice';
import { RobustnessChart } from '../../../../components/robustness-chart';
import { RobustnessTable } from '../../../../components/robustness-table';
import { formatCount } from '../../../../format/numbers';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';

export const dynamic = 'force-dynamic';

const DatasetHeaderQuery = graphql(`
  query RobustnessDatasetHeader($id: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
    }
  }
`);

const RobustnessQueryDocument = graphql(`
  query Robustness($id: ID!) {
    robustness(dataset: $id) {
      dataSha256
      labelSet
      models {
        id
        name
        version
        sha256
      }
      perturbations {
        perturbation
        nFaces
        kappaClean {
          value
          ciLow
          ciHigh
          ciReason
        }
        kappa {
          value
          ciLow
          ciHigh
          ciReason
        }
        deltaKappa {
          value
          ciLow
          ciHigh
          ciReason
          ciLevel
          resamples
          seed
        }
        models {
          modelId
          accuracy {
            value
            n
            clean
            perturbed
            ciLow
            ciHigh
          }
          flips {
            value
            flips
            n
          }
        }
      }
    }
  }
`);

export default async function RobustnessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [header, result] = await Promise.all([runQuery(DatasetHeaderQuery, { id }), runQuery(RobustnessQueryDocument, { id })]);
  if (header.error) return <ApiError error={header.error} what="the dataset" />;
  if (!header.data.dataset) notFound();
  return (
    <>
      <DatasetHeader dataset={header.data.dataset} current="robustness" />
      <p className="lede">
        The same faces masked, occluded, darkened, blurred, compressed, tilted or mirrored: how far each model&apos;s accuracy moves and how far
        the models&apos; agreement falls. A mirrored face keeps its expression, so any change there is instability.
      </p>
      {result.error ? (
        <ApiError error={result.error} what="the robustness results" />
      ) : result.data.robustness.perturbations.length === 0 ? (
        <Notice tone="empty" title="No perturbed predictions yet">
          <p>
            Run a suite: <code>ferbench robustness run --dataset {id} --suite default</code> (<code>ferbench robustness list</code> names them).
          </p>
        </Notice>
      ) : (
        <>
          <RobustnessChart robustness={result.data.robustness} />
          <h2>Every number, with its faces and CI</h2>
          <RobustnessTable robustness={result.data.robustness} />
          <p className="table-note">
            Labels restricted to those every model can emit ({result.data.robustness.labelSet.join(', ')}). κ: percentile bootstrap CIs over the
            faces ({formatCount(result.data.robustness.perturbations[0]?.deltaKappa.resamples ?? 0)} resamples, seed{' '}
            {result.data.robustness.perturbations[0]?.deltaKappa.seed}); Δκ = κ perturbed − κ clean with a paired CI (each resampled face taken
            clean and perturbed together). Accuracy change: paired 95% normal CI on the per-face differences. Flips: share of faces whose label changed. Dataset <Hash value={result.data.robustness.dataSha256} label="dataset sha256" />.
          </p>
          <details className="raters">
            <summary>Models</summary>
            <ul>
              {result.data.robustness.models.map((m) => (
                <li key={m.id}>
                  <code>{m.id}</code> {m.name} {m.version} <Hash value={m.sha256} label="model sha256" />
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </>
  );
}
