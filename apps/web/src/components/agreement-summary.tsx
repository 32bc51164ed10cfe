import type { LeaderboardQuery } from '../gql/graphql';
import { formatCount, formatStatistic } from '../format/numbers';
import { AgreementStatistics } from './agreement-statistics';
import { CategoryKappaTable } from './category-kappa-table';
import { ConfidenceInterval } from './confidence-interval';
import { Hash } from './hash';
import { LabelList } from './label-list';

type Agreement = LeaderboardQuery['agreement'];

/**
 * Fleiss' κ among all models on the dataset — the benchmark's headline — with its SE and bootstrap CI and
 * everything needed to read it: how many faces and raters, over which labels, on which data and which model
 * files; then the other coefficients and κ per label.
 */
export function AgreementSummary({ agreement, dataSha256 }: { agreement: Agreement; dataSha256: string }) {
  const { fleiss } = agreement;
  return (
    <section className="agreement" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Agreement among models</h2>
      <div className="agreement-headline">
        <p className="kappa">
          <span className="kappa-symbol">Fleiss&apos; κ</span>
          <span className="kappa-value" data-stat="fleiss-kappa">
            {formatStatistic(fleiss.value)}
          </span>
        </p>
        {fleiss.value == null ? (
          <p className="band">not defined: {fleiss.reason ?? 'no reason given'}</p>
        ) : (
          <>
            <p className="uncertainty">
              SE <span data-stat="fleiss-kappa-se">{formatStatistic(fleiss.se)}</span> · {Math.round(fleiss.ciLevel * 100)} % CI{' '}
              <ConfidenceInterval low={fleiss.ciLow} high={fleiss.ciHigh} reason={fleiss.ciReason} format={formatStatistic} stat="fleiss-kappa-ci" />
            </p>
            <p className="band">
              <strong data-stat="interpretation">{fleiss.interpretation ?? '—'}</strong> agreement
              <span className="muted"> on the Landis &amp; Koch (1977) scale</span>
            </p>
          </>
        )}
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
      <h3>All coefficients</h3>
      <AgreementStatistics fleiss={fleiss} krippendorffAlpha={agreement.krippendorffAlpha} gwetAc1={agreement.gwetAc1} percentAgreement={agreement.percentAgreement} />
      <h3>κ per label</h3>
      <CategoryKappaTable perCategory={fleiss.perCategory} />
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
