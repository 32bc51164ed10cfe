import type { LeaderboardQuery } from '../gql/graphql';
import { formatCount, formatStatistic } from '../format/numbers';
import { Hash } from './hash';
import { LabelList } from './label-list';

type Agreement = LeaderboardQuery['agreement'];

/**
 * Fleiss' κ among all models on the dataset — the benchmark's headline — with everything needed to read it:
 * how many faces and raters, over which labels, on which data and which model files.
 */
export function AgreementSummary({ agreement, dataSha256 }: { agreement: Agreement; dataSha256: string }) {
  const kappa = agreement.fleissKappa;
  return (
    <section className="agreement" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Agreement among models</h2>
      <div className="agreement-headline">
        <p className="kappa">
          <span className="kappa-symbol">Fleiss&apos; κ</span>
          <span className="kappa-value" data-stat="fleiss-kappa">
            {formatStatistic(kappa)}
          </span>
        </p>
        <p className="band">
          {kappa == null ? (
            <>not defined: {agreement.fleissKappaReason ?? 'no reason given'}</>
          ) : (
            <>
              <strong data-stat="interpretation">{agreement.interpretation ?? '—'}</strong> agreement
              <span className="muted"> on the Landis &amp; Koch (1977) scale</span>
            </>
          )}
        </p>
      </div>
      <dl className="facts">
        <div>
          <dt>faces</dt>
          <dd data-stat="n-faces">{formatCount(agreement.nFaces)}</dd>
        </div>
        <div>
          <dt>raters (models)</dt>
          <dd data-stat="n-raters">{formatCount(agreement.nRaters)}</dd>
        </div>
        <div>
          <dt>label set</dt>
          <dd>
            <LabelList labels={agreement.labelSet} />
          </dd>
        </div>
        <div>
          <dt>data</dt>
          <dd>
            <Hash value={dataSha256} label="data sha256" />
          </dd>
        </div>
      </dl>
      <details className="raters">
        <summary>Models counted as raters</summary>
        <ul>
          {agreement.models.map((m) => (
            <li key={m.id}>
              {m.name} {m.version} <Hash value={m.sha256} label="model sha256" />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
