import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { DatasetHeader } from '../../../../components/dataset-header';
import { Hash } from '../../../../components/hash';
import { KappaHeatmap } from '../../../../components/kappa-heatmap';
import { KappaPairsTable } from '../../../../components/kappa-pairs-table';
import { Notice } from '../../../../components/notice';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';
import { compareHref } from '../../../../links/dataset-links';
import { renderedOnFirstVisit } from '../../../../graphql/rendered-on-visit';

// ISR: see renderedOnFirstVisit.
export const revalidate = 2;
export const generateStaticParams = renderedOnFirstVisit;

const DatasetHeaderQuery = graphql(`
  query DatasetHeader($id: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
    }
  }
`);

const PairwiseQuery = graphql(`
  query Pairwise($id: ID!) {
    pairwise(dataset: $id) {
      labelSet
      models {
        id
        name
        version
        sha256
      }
      pairs {
        modelA {
          id
        }
        modelB {
          id
        }
        kappa {
          ...CohenKappaFields
          observedAgreement
        }
      }
    }
  }
`);

export default async function PairwisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [header, result] = await Promise.all([runQuery(DatasetHeaderQuery, { id }), runQuery(PairwiseQuery, { id })]);
  if (header.error) return <ApiError error={header.error} what="the dataset" />;
  if (!header.data.dataset) notFound();
  const toCompare = (a: string, b: string) => compareHref(id, a, b);
  return (
    <>
      <DatasetHeader dataset={header.data.dataset} current="pairwise" />
      <p className="lede">
        How often each two models give the same label beyond chance: Cohen&apos;s κ over the faces both rated. Each cell links
        to the two models side by side.
      </p>
      {result.error ? (
        <ApiError error={result.error} what="the pairwise κ" />
      ) : result.data.pairwise.pairs.length === 0 ? (
        <Notice tone="empty" title="Fewer than two models have been run on this dataset">
          <p>
            κ needs two models: register one with <code>ferbench model add</code> and run it with <code>ferbench run --dataset {id}</code>.
          </p>
        </Notice>
      ) : (
        <>
          <KappaHeatmap pairwise={result.data.pairwise} compareHref={toCompare} />
          <p className="table-note" id="heatmap-note">
            Cohen&apos;s κ over the labels every model can emit ({result.data.pairwise.labelSet.join(', ')}); a prediction
            outside them counts as the most probable label inside. White is chance agreement (κ = 0), dark teal perfect agreement.
          </p>
          <h2>Every pair with its uncertainty</h2>
          <KappaPairsTable pairs={result.data.pairwise.pairs} compareHref={toCompare} />
          <details className="raters">
            <summary>Models</summary>
            <ul>
              {result.data.pairwise.models.map((m) => (
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
