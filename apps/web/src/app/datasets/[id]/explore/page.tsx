import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { DatasetHeader } from '../../../../components/dataset-header';
import { EmotionLegend } from '../../../../components/emotion-legend';
import { ExploreFilters } from '../../../../components/explore-filters';
import { FaceGrid } from '../../../../components/face-grid';
import { Notice } from '../../../../components/notice';
import { ORDER_NAMES, type SearchParams, exploreHref, parseExploreParams, toImageFilter, toImageOrder } from '../../../../explore/explore-params';
import { formatCount } from '../../../../format/numbers';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 24;

const ExploreQuery = graphql(`
  query Explore($id: ID!, $filter: ImageFilter, $orderBy: ImageOrder, $first: Int!, $after: String) {
    dataset(id: $id) {
      ...DatasetHeaderFields
      humanVotedFaces
    }
    images(dataset: $id, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      labelSet
      models {
        id
        name
        sha256
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        ...FaceCardFields
      }
    }
  }
`);

export default async function ExplorePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const { state, problems } = parseExploreParams(await searchParams);
  const result =
    problems.length > 0
      ? null
      : await runQuery(ExploreQuery, { id, filter: toImageFilter(state), orderBy: toImageOrder(state), first: PAGE_SIZE, after: state.after });
  if (result?.data && !result.data.dataset) notFound();
  const dataset = result?.data?.dataset ?? null;
  const images = result?.data?.images ?? null;
  const models = images?.models ?? [];
  const what = state.disagree ? `faces where ${state.disagree[0]} and ${state.disagree[1]} disagree` : 'faces';

  return (
    <>
      {dataset ? <DatasetHeader dataset={dataset} current="explore" /> : <h1>Explore {id}</h1>}
      <p className="lede">
        The faces of this dataset by how much the models disagree on them. Each bar shows the models&apos; votes, one colour
        per emotion, with a triangle under the gold label.
      </p>
      {problems.length > 0 ? (
        <Notice tone="error" title="This explorer link cannot be used">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p>
            <Link href={exploreHref(id, {})}>Start again from every face</Link>.
          </p>
        </Notice>
      ) : result?.error ? (
        <>
          <ApiError error={result.error} what="the faces" />
          <p>
            <Link href={exploreHref(id, {})}>Start again from every face</Link>.
          </p>
        </>
      ) : images ? (
        <>
          <ExploreFilters datasetId={id} state={state} models={models} hasHumanVotes={(dataset?.humanVotedFaces ?? 0) > 0} />
          <EmotionLegend labels={images.labelSet} gold />
          <p className="result-count" role="status">
            <strong data-stat="total-count">{formatCount(images.totalCount)}</strong> {what}, by {ORDER_NAMES[state.order]}{' '}
            {state.dir === 'desc' ? 'highest' : 'lowest'} first; votes of {formatCount(models.length)} models over{' '}
            {images.labelSet.length} labels.
          </p>
          {images.edges.length === 0 ? (
            <Notice tone="empty" title={state.after ? 'No more faces' : 'No face matches these filters'}>
              <p>
                {models.length === 0 ? (
                  <>
                    No model has been run on this dataset yet: <code>ferbench run --dataset {id}</code>.
                  </>
                ) : (
                  <Link href={exploreHref(id, {})}>See every face</Link>
                )}
              </p>
            </Notice>
          ) : (
            <FaceGrid faces={images.edges} labels={images.labelSet} label={`${what}, this page`} />
          )}
          <nav className="pager" aria-label="Pages">
            {state.after !== null && <Link href={exploreHref(id, { ...state, after: null })}>← First page</Link>}
            {images.pageInfo.hasNextPage && images.pageInfo.endCursor && (
              <Link href={exploreHref(id, { ...state, after: images.pageInfo.endCursor })} rel="next">
                Next {PAGE_SIZE} faces →
              </Link>
            )}
          </nav>
        </>
      ) : null}
    </>
  );
}
