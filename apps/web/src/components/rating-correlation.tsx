import { formatCount, formatStatistic } from '../format/numbers';
import { graphql } from '../gql';
import { runQuery } from '../graphql/client';
import { ApiError } from './api-error';
import { ConfidenceInterval } from './confidence-interval';
import { Hash } from './hash';

const RatingCorrelationQuery = graphql(`
  query RatingCorrelation($id: ID!) {
    ratingCorrelation(dataset: $id) {
      ratedFaces
      emotions
      scaleMin
      scaleMax
      raters
      method
      models {
        model {
          id
          name
          version
          sha256
        }
        pooled {
          ...CorrelationFields
        }
        emotions {
          emotion
          spearman {
            ...CorrelationFields
          }
        }
      }
    }
  }
  fragment CorrelationFields on Correlation {
    value
    reason
    n
    ciLow
    ciHigh
    ciLevel
  }
`);

type Correlation = { value: number | null; reason: string | null; n: number; ciLow: number | null; ciHigh: number | null };

function CorrelationCell({ correlation, stat }: { correlation: Correlation; stat: string }) {
  return (
    <td className="num" data-stat={stat} title={correlation.reason ?? undefined}>
      <span data-stat="rho">{formatStatistic(correlation.value)}</span>
      <br />
      <span className="muted">
        <ConfidenceInterval low={correlation.ciLow} high={correlation.ciHigh} reason="no Fisher interval for |ρ| = 1 or n < 4" format={formatStatistic} stat="ci" /> · n{' '}
        <span data-stat="n">{formatCount(correlation.n)}</span>
      </span>
    </td>
  );
}

/**
 * People's graded judgement against the models (JAFFE's semantic ratings): per model and rated emotion, Spearman's ρ
 * of the model's probability for the emotion with the photos' mean human rating of it, and pooled over the emotions.
 */
export async function RatingCorrelation({ datasetId }: { datasetId: string }) {
  const result = await runQuery(RatingCorrelationQuery, { id: datasetId });
  if (result.error) return <ApiError error={result.error} what="the ratings comparison" />;
  const r = result.data.ratingCorrelation;
  if (r.ratedFaces === 0 || r.models.length === 0) return null;
  return (
    <section aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Models against people&apos;s ratings</h2>
      <p className="lede">
        <span data-stat="rated-faces">{formatCount(r.ratedFaces)}</span> faces carry people&apos;s graded judgement: the mean of {r.raters ?? 'several'} raters&apos;{' '}
        {r.scaleMin}..{r.scaleMax} ratings of how much each shows {r.emotions.join(', ')}. Does a model give an emotion more probability where people see more of it?
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Spearman's ρ of model probability vs mean human rating" aria-describedby="ratings-note">
          <thead>
            <tr>
              <th scope="col">Model</th>
              {r.emotions.map((e) => (
                <th scope="col" className="num" key={e}>
                  {e}
                </th>
              ))}
              <th scope="col" className="num">
                pooled
              </th>
              <th scope="col">Model sha256</th>
            </tr>
          </thead>
          <tbody>
            {r.models.map((m) => (
              <tr key={m.model.id} data-model-id={m.model.id}>
                <th scope="row" className="model-name">
                  {m.model.name} <span className="version">{m.model.version}</span>
                </th>
                {m.emotions.map((e) => (
                  <CorrelationCell key={e.emotion} correlation={e.spearman} stat={`rho-${e.emotion}`} />
                ))}
                <CorrelationCell correlation={m.pooled} stat="rho-pooled" />
                <td>
                  <Hash value={m.model.sha256} label="model sha256" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="ratings-note">
        {r.method} Pooled: every (face, emotion) pair ranked at once.
      </p>
    </section>
  );
}
