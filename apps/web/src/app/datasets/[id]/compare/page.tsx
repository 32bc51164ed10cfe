import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { ComparePicker } from '../../../../components/compare-picker';
import { ComparisonSummary } from '../../../../components/comparison-summary';
import { DatasetHeader } from '../../../../components/dataset-header';
import { EmotionLegend } from '../../../../components/emotion-legend';
import { FaceGrid } from '../../../../components/face-grid';
import { Notice } from '../../../../components/notice';
import { type SearchParams, exploreHref } from '../../../../explore/explore-params';
import { formatCount } from '../../../../format/numbers';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';

export const dynamic = 'force-dynamic';

/** Faces shown here; the rest are one link away in the explorer. */
const SHOWN_FACES = 12;

const CompareModelsQuery = graphql(`
  query CompareModels($id: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
    }
    leaderboard(dataset: $id) {
      entries {
        model {
          id
          name
        }
      }
    }
  }
`);

const CompareQuery = graphql(`
  query Compare($id: ID!, $a: ID!, $b: ID!, $first: Int!) {
    compare(dataset: $id, modelA: $a, modelB: $b) {
      modelA {
        id
        name
        version
        sha256
      }
      modelB {
        id
        name
        version
        sha256
      }
      labelSet
      nFaces
      nDiffer
      kappa {
        ...CohenKappaFields
      }
      accuracyA {
        value
        reason
        n
      }
      accuracyB {
        value
        reason
        n
      }
      mcnemar {
        method
        statistic
        p
        b
        c
        n
      }
    }
    images(dataset: $id, models: [$a, $b], filter: { disagree: { modelA: $a, modelB: $b } }, orderBy: { field: ID, direction: ASC }, first: $first) {
      totalCount
      labelSet
      edges {
        ...FaceCardFields
      }
    }
  }
`);

function single(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : null;
}

export default async function ComparePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const query = await searchParams;
  const a = single(query.a);
  const b = single(query.b);
  const chosen = a !== null && b !== null && a !== b;
  const [header, result] = await Promise.all([
    runQuery(CompareModelsQuery, { id }),
    chosen ? runQuery(CompareQuery, { id, a, b, first: SHOWN_FACES }) : Promise.resolve(null),
  ]);
  if (header.error) return <ApiError error={header.error} what="the dataset" />;
  if (!header.data.dataset) notFound();
  const models = header.data.leaderboard.entries.map((e) => e.model);

  return (
    <>
      <DatasetHeader dataset={header.data.dataset} current="compare" title={chosen ? `${a} vs ${b}` : undefined} />
      {models.length < 2 ? (
        <Notice tone="empty" title="Fewer than two models have been run on this dataset">
          <p>
            Run another model with <code>ferbench run --dataset {id}</code> to compare two.
          </p>
        </Notice>
      ) : (
        <ComparePicker datasetId={id} models={models} a={a} b={b} />
      )}
      {a !== null && a === b && (
        <Notice tone="error" title="Pick two different models">
          <p>
            a and b are both <code>{a}</code>: a model always agrees with itself.
          </p>
        </Notice>
      )}
      {(a === null) !== (b === null) && (
        <Notice tone="error" title="Pick a second model">
          <p>The link names only one model (expected ?a=&lt;model&gt;&amp;b=&lt;model&gt;).</p>
        </Notice>
      )}
      {result?.error ? (
        <ApiError error={result.error} what="the comparison" />
      ) : result ? (
        <>
          <section aria-labelledby="comparison-heading">
            <h2 id="comparison-heading">Accuracy and agreement</h2>
            <ComparisonSummary comparison={result.data.compare} datasetId={id} />
          </section>
          <section aria-labelledby="differ-heading">
            <h2 id="differ-heading">Faces where they differ</h2>
            {result.data.images.totalCount === 0 ? (
              <Notice tone="empty" title="They agree on every face" />
            ) : (
              <>
                <p>
                  <Link href={exploreHref(id, { disagree: [a!, b!] })} data-stat="differ-link">
                    All {formatCount(result.data.images.totalCount)} faces where {a} and {b} differ
                  </Link>{' '}
                  <span className="muted">(in the explorer; the first {Math.min(SHOWN_FACES, result.data.images.totalCount)} below)</span>
                </p>
                <EmotionLegend labels={result.data.images.labelSet} gold />
                <FaceGrid faces={result.data.images.edges} labels={result.data.images.labelSet} label={`Faces where ${a} and ${b} differ`} />
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
