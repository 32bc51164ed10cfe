import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { ConfidenceInterval } from '../../../../components/confidence-interval';
import { DatasetHeader } from '../../../../components/dataset-header';
import { Hash } from '../../../../components/hash';
import { Notice } from '../../../../components/notice';
import { SliceChart } from '../../../../components/slice-chart';
import { formatCount, formatPercent, formatStatistic } from '../../../../format/numbers';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';
import { datasetHref } from '../../../../links/dataset-links';

export const dynamic = 'force-dynamic';

/** Attributes worth slicing by: at least two groups and no more than the API compares. */
const MAX_GROUPS = 100;

const SliceAttributesQuery = graphql(`
  query SliceAttributes($id: ID!) {
    dataset(id: $id) {
      ...DatasetHeaderFields
      sliceAttributes {
        name
        groups
        images
      }
    }
  }
`);

const SlicesQuery = graphql(`
  query Slices($id: ID!, $attribute: String!) {
    slices(dataset: $id, attribute: $attribute) {
      attribute
      labelSet
      imagesWithoutAttribute
      models {
        id
        name
        version
        sha256
      }
      groups {
        group
        images
        accuracies {
          model {
            id
          }
          n
          correct
          accuracy
          ciLow
          ciHigh
        }
        fleiss {
          ...EstimateFields
        }
      }
      accuracyGaps {
        model {
          id
        }
        gap {
          value
          highGroup
          lowGroup
        }
      }
      kappaGap {
        value
        highGroup
        lowGroup
      }
    }
  }
`);

const percentPoints = (v: number) => `${(v * 100).toFixed(1)} pp`;

/** The dataset cut by one image attribute (Fairlearn's MetricFrame): per group each model's accuracy and the models' κ, and the largest gaps. */
export default async function SlicesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ attribute?: string | string[] }> }) {
  const { id } = await params;
  const asked = (await searchParams).attribute;
  const attrs = await runQuery(SliceAttributesQuery, { id });
  if (attrs.error) return <ApiError error={attrs.error} what="the dataset" />;
  const dataset = attrs.data.dataset;
  if (!dataset) notFound();
  const choices = dataset.sliceAttributes.filter((a) => a.groups >= 2 && a.groups <= MAX_GROUPS);
  const attribute = typeof asked === 'string' ? asked : choices[0]?.name;

  return (
    <>
      <DatasetHeader dataset={dataset} current="slices" title={attribute ? `Slices by ${attribute}` : 'Slices'} />
      {choices.length > 0 && (
        <nav aria-label="Slice by">
          Slice by:{' '}
          {choices.map((a, i) => (
            <span key={a.name}>
              {i > 0 && ' · '}
              <Link href={`${datasetHref(dataset.id, '/slices')}?attribute=${encodeURIComponent(a.name)}`} aria-current={a.name === attribute ? 'page' : undefined}>
                {a.name}
              </Link>{' '}
              <span className="muted">({a.groups} groups)</span>
            </span>
          ))}
        </nav>
      )}
      {attribute === undefined ? (
        <Notice tone="empty" title="Nothing to slice by">
          <p>No attribute of this dataset&apos;s images takes between 2 and {MAX_GROUPS} values (attributes: split and the annotations an importer keeps).</p>
        </Notice>
      ) : (
        <SliceTables datasetId={dataset.id} attribute={attribute} />
      )}
    </>
  );
}

async function SliceTables({ datasetId, attribute }: { datasetId: string; attribute: string }) {
  const result = await runQuery(SlicesQuery, { id: datasetId, attribute });
  if (result.error) return <ApiError error={result.error} what="the slices" />;
  const s = result.data.slices;
  if (s.models.length === 0)
    return (
      <Notice tone="empty" title="No model has been run on this dataset yet">
        <p>
          Run one with <code>ferbench run --dataset {datasetId}</code>.
        </p>
      </Notice>
    );
  return (
    <>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Largest gaps between groups</h2>
        <ul>
          <li data-gap="kappa">
            Fleiss&apos; κ: <strong data-stat="gap">{formatStatistic(s.kappaGap.value)}</strong>
            {s.kappaGap.value !== null && (
              <>
                {' '}
                (<span data-stat="high">{s.kappaGap.highGroup}</span> − <span data-stat="low">{s.kappaGap.lowGroup}</span>)
              </>
            )}
          </li>
          {s.accuracyGaps.map((g) => (
            <li key={g.model.id} data-gap="accuracy" data-model-id={g.model.id}>
              {s.models.find((m) => m.id === g.model.id)?.name} accuracy: <strong data-stat="gap">{g.gap.value === null ? '—' : percentPoints(g.gap.value)}</strong>
              {g.gap.value !== null && (
                <>
                  {' '}
                  (<span data-stat="high">{g.gap.highGroup}</span> − <span data-stat="low">{g.gap.lowGroup}</span>)
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="slices-heading">
        <h2 id="slices-heading">Per {attribute}</h2>
        <SliceChart
          attribute={attribute}
          tableId="slices-table"
          rows={s.groups.map((g) => ({ group: g.group, value: g.fleiss.value, ciLow: g.fleiss.ciLow, ciHigh: g.fleiss.ciHigh, n: g.fleiss.n }))}
        />
        <div className="table-scroll">
          <table className="data-table" id="slices-table" aria-label={`Accuracy and Fleiss' κ per ${attribute}`} aria-describedby="slices-note">
            <thead>
              <tr>
                <th scope="col">{attribute}</th>
                <th scope="col" className="num">
                  Images
                </th>
                {s.models.map((m) => (
                  <th scope="col" className="num model-column" key={m.id}>
                    {m.name} accuracy <Hash value={m.sha256} label="model sha256" />
                  </th>
                ))}
                <th scope="col" className="num">
                  Fleiss&apos; κ
                </th>
              </tr>
            </thead>
            <tbody>
              {s.groups.map((g) => (
                <tr key={g.group} data-group={g.group}>
                  <th scope="row">{g.group}</th>
                  <td className="num" data-stat="images">
                    {formatCount(g.images)}
                  </td>
                  {g.accuracies.map((a) => (
                    <td className="num" key={a.model.id} data-model-id={a.model.id}>
                      <span data-stat="accuracy">{formatPercent(a.accuracy)}</span>
                      <br />
                      <span className="muted">
                        <ConfidenceInterval low={a.ciLow} high={a.ciHigh} reason="no faces scored" format={formatPercent} stat="ci" /> · n{' '}
                        <span data-stat="n">{formatCount(a.n)}</span>
                      </span>
                    </td>
                  ))}
                  <td className="num" data-stat="kappa-cell" title={g.fleiss.reason ?? undefined}>
                    <span data-stat="kappa">{formatStatistic(g.fleiss.value)}</span>
                    <br />
                    <span className="muted">
                      <ConfidenceInterval low={g.fleiss.ciLow} high={g.fleiss.ciHigh} reason={g.fleiss.ciReason} format={formatStatistic} stat="kappa-ci" /> · n{' '}
                      <span data-stat="kappa-n">{formatCount(g.fleiss.n)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="table-note" id="slices-note">
          Accuracy: share of the group&apos;s faces (n) where the model says the gold label, over the labels it shares with the dataset, with its 95 %
          Wilson interval. κ: Fleiss&apos; κ of the {s.models.length} models over the group&apos;s faces every one rated (n), labels {s.labelSet.join(', ')},
          95 % bootstrap CI. {s.imagesWithoutAttribute > 0 && `${formatCount(s.imagesWithoutAttribute)} images without ${attribute} are in no group.`}
        </p>
      </section>
    </>
  );
}
