import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError } from '../../../../components/api-error';
import { ConfidenceInterval } from '../../../../components/confidence-interval';
import { EntropyChart } from '../../../../components/entropy-chart';
import { Hash } from '../../../../components/hash';
import { ModelVsMajorityTable } from '../../../../components/model-vs-majority-table';
import { Notice } from '../../../../components/notice';
import { RaterKappaTable } from '../../../../components/rater-kappa-table';
import { formatCount, formatStatistic } from '../../../../format/numbers';
import { graphql } from '../../../../gql';
import { runQuery } from '../../../../graphql/client';
import { renderedOnFirstVisit } from '../../../../graphql/rendered-on-visit';

// ISR: see renderedOnFirstVisit.
export const revalidate = 2;
export const generateStaticParams = renderedOnFirstVisit;

const HumanAgreementQuery = graphql(`
  query HumanAgreement($id: ID!) {
    dataset(id: $id) {
      id
      name
      dataSha256
      humanVotedFaces
    }
    humanAgreement(dataset: $id) {
      models {
        id
        name
        version
        sha256
      }
      labelSet
      humanCategories
      votedFaces
      votesPerFace
      humans {
        ...EstimateFields
        interpretation
      }
      modelsKappa {
        ...EstimateFields
        interpretation
      }
      modelsAndMajority {
        ...EstimateFields
        interpretation
      }
      modelsVsMajority {
        model {
          id
          name
          version
          sha256
        }
        n
        accuracy
        accuracySe
        accuracyCiLow
        accuracyCiHigh
        kappa {
          ...CohenKappaFields
        }
      }
      entropy {
        n
        pearson {
          value
          reason
          n
          ciLow
          ciHigh
          ciLevel
        }
        spearman {
          value
          reason
          n
          ciLow
          ciHigh
          ciLevel
        }
        cells {
          humanEntropyBits
          modelEntropyBits
          faces
        }
      }
    }
  }
`);

type Correlation = { value: number | null; reason: string | null; n: number; ciLow: number | null; ciHigh: number | null; ciLevel: number };

function CorrelationLine({ name, correlation, stat }: { name: string; correlation: Correlation; stat: string }) {
  return (
    <li data-correlation={stat}>
      {name} <strong data-stat="value">{formatStatistic(correlation.value)}</strong>
      {correlation.value === null ? (
        <span className="muted"> ({correlation.reason})</span>
      ) : (
        <>
          {' '}
          · {Math.round(correlation.ciLevel * 100)} % CI{' '}
          <ConfidenceInterval low={correlation.ciLow} high={correlation.ciHigh} reason="no Fisher interval for |r| = 1 or n < 4" format={formatStatistic} stat="ci" />
        </>
      )}{' '}
      · n = <span data-stat="n">{formatCount(correlation.n)}</span>
    </li>
  );
}

/** People as raters: the crowd's agreement next to the models', the models against the crowd, and whether faces that divide people divide models. */
export default async function HumansPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await runQuery(HumanAgreementQuery, { id });
  if (result.error) {
    if (result.error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND')) notFound();
    return <ApiError error={result.error} what="human agreement" />;
  }
  const { dataset, humanAgreement: h } = result.data;
  if (!dataset) notFound();

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Datasets</Link> <span aria-hidden="true">/</span> <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link>{' '}
        <span aria-hidden="true">/</span> People as raters
      </nav>
      <h1>People as raters</h1>
      <p className="muted">
        <code>{dataset.id}</code> · <span data-stat="voted-faces">{formatCount(h.votedFaces)}</span> faces with {h.votesPerFace} crowd votes each · data{' '}
        <Hash value={dataset.dataSha256} label="data sha256" />
      </p>
      {h.votedFaces === 0 ? (
        <Notice tone="empty" title="This dataset has no human votes">
          <p>
            Only datasets imported with crowd votes have them, e.g. <code>ferbench dataset import --format ferplus &lt;folder&gt;</code>.
          </p>
        </Notice>
      ) : (
        <>
          <section className="agreement" aria-labelledby="kappas-heading">
            <h2 id="kappas-heading">How much people and models agree</h2>
            <p className="lede">
              Each face was voted on by its own group of annotators, not by the same people, so people are compared with Fleiss&apos; κ (raters
              interchangeable per face). The human majority is the dataset&apos;s label (FER+: votes of 1 dropped, more than half of the rest).
            </p>
            <RaterKappaTable agreement={h} />
            <h3>Each model against the human majority</h3>
            <ModelVsMajorityTable entries={h.modelsVsMajority} />
          </section>
          <section className="agreement" aria-labelledby="entropy-heading">
            <h2 id="entropy-heading">Do faces that divide people also divide models?</h2>
            <p className="lede">
              Per face, the entropy of its {h.votesPerFace} human votes against the entropy of the {h.models.length} models&apos; labels, over the{' '}
              {formatCount(h.entropy.n)} faces every model rated.
            </p>
            <ul>
              <CorrelationLine name="Pearson's r" correlation={h.entropy.pearson} stat="pearson" />
              <CorrelationLine name="Spearman's ρ" correlation={h.entropy.spearman} stat="spearman" />
            </ul>
            <EntropyChart cells={h.entropy.cells} />
          </section>
        </>
      )}
    </>
  );
}
