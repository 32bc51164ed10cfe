import { formatCount, formatStatistic } from '../format/numbers';
import { graphql } from '../gql';
import { runQuery } from '../graphql/client';
import { ApiError } from './api-error';
import { ConfidenceInterval } from './confidence-interval';
import { LabelList } from './label-list';

const RatersQuery = graphql(`
  query ZooRaters($id: ID!) {
    agreement(dataset: $id, resamples: 0) {
      models {
        id
        zoo
      }
    }
  }
`);

const ZooKappaQuery = graphql(`
  query ZooKappa($id: ID!, $models: [ID!]!) {
    agreement(dataset: $id, models: $models) {
      nFaces
      nRaters
      labelSet
      fleiss {
        ...EstimateFields
        interpretation
      }
    }
  }
`);

/**
 * Fleiss' κ of all the zoo models that ran on the dataset (`ferbench agreement --dataset <id> --models zoo` prints
 * the same), labelled with how many they are, and whether the headline κ above counts exactly them.
 */
export async function ZooKappa({ datasetId }: { datasetId: string }) {
  const raters = await runQuery(RatersQuery, { id: datasetId });
  if (raters.error) return <ApiError error={raters.error} what="the zoo models' agreement" />;
  const all = raters.data.agreement.models;
  const zoo = all.filter((m) => m.zoo).map((m) => m.id);
  if (zoo.length < 2) return null;
  const result = await runQuery(ZooKappaQuery, { id: datasetId, models: zoo });
  if (result.error) return <ApiError error={result.error} what="the zoo models' agreement" />;
  const { agreement } = result.data;
  const { fleiss } = agreement;
  return (
    <section className="zoo-kappa" aria-labelledby="zoo-kappa-heading">
      <h2 id="zoo-kappa-heading">
        Fleiss&apos; κ of all <span data-stat="zoo-n-models">{formatCount(agreement.nRaters)}</span> zoo models
      </h2>
      <p>
        <span className="kappa-value" data-stat="zoo-fleiss-kappa">
          {formatStatistic(fleiss.value)}
        </span>
        {fleiss.value == null ? (
          <> — not defined: {fleiss.reason ?? 'no reason given'}</>
        ) : (
          <>
            {' '}
            · SE <span data-stat="zoo-fleiss-kappa-se">{formatStatistic(fleiss.se)}</span> · {Math.round(fleiss.ciLevel * 100)} % CI{' '}
            <ConfidenceInterval low={fleiss.ciLow} high={fleiss.ciHigh} reason={fleiss.ciReason} format={formatStatistic} stat="zoo-fleiss-kappa-ci" /> ·{' '}
            <strong>{fleiss.interpretation ?? '—'}</strong> agreement
          </>
        )}
      </p>
      <div className="muted">
        <span data-stat="zoo-n-faces">{formatCount(agreement.nFaces)}</span> faces every zoo model predicted, over <LabelList labels={agreement.labelSet} />.{' '}
        {zoo.length === all.length
          ? `The headline κ above counts exactly these ${zoo.length} zoo models.`
          : `The headline κ above counts ${all.length} models, ${zoo.length} of them from the zoo.`}
      </div>
    </section>
  );
}
