import type { ModelCalibrationQuery } from '../gql/graphql';
import { formatCount, formatPercent, formatStatistic } from '../format/numbers';
import { CalibrationDefinitions } from './calibration-definitions';
import { ReliabilityDiagram } from './charts/reliability-diagram';
import { RiskCoverageChart } from './charts/risk-coverage-chart';

type Calibration = ModelCalibrationQuery['calibration'][number];

/** Can this model's confidence be believed: the scores, the reliability diagram, risk–coverage, temperature scaling. */
export function CalibrationSummary({ calibration }: { calibration: Calibration }) {
  const c = calibration;
  const t = c.temperature;
  return (
    <section aria-labelledby="calibration-heading" className="calibration">
      <h2 id="calibration-heading">Can its confidence be believed?</h2>
      <dl className="facts">
        <div>
          <dt>ECE ({c.reliability.length} bins)</dt>
          <dd data-stat="ece">{formatStatistic(c.ece)}</dd>
        </div>
        <div>
          <dt>MCE</dt>
          <dd data-stat="mce">{formatStatistic(c.mce)}</dd>
        </div>
        <div>
          <dt>Brier</dt>
          <dd data-stat="brier">{formatStatistic(c.brier)}</dd>
        </div>
        <div>
          <dt>NLL</dt>
          <dd data-stat="nll">{formatStatistic(c.nll)}</dd>
        </div>
        <div>
          <dt>AURC</dt>
          <dd data-stat="aurc">{formatStatistic(c.aurc)}</dd>
        </div>
        <div>
          <dt>accuracy</dt>
          <dd data-stat="calibration-accuracy">{formatPercent(c.accuracy)}</dd>
        </div>
        <div>
          <dt>n (faces)</dt>
          <dd data-stat="calibration-n">{formatCount(c.n)}</dd>
        </div>
        <div>
          <dt>at confidence ≥ {c.selective.threshold}</dt>
          <dd>
            accuracy <span data-stat="selective-accuracy">{formatPercent(c.selective.accuracy)}</span> on{' '}
            <span data-stat="selective-coverage">{formatPercent(c.selective.coverage)}</span> of the faces
          </dd>
        </div>
        <div>
          <dt>temperature scaling</dt>
          <dd>
            T = <span data-stat="temperature">{formatStatistic(t.temperature)}</span> (fitted on {formatCount(t.nFit)} faces, {t.fitSplit}); on the other{' '}
            {formatCount(t.nReport)} ({t.reportSplit}) ECE {formatStatistic(t.before.ece)} → {formatStatistic(t.after.ece)}, NLL {formatStatistic(t.before.nll)} →{' '}
            {formatStatistic(t.after.nll)}
          </dd>
        </div>
      </dl>
      <CalibrationDefinitions />
      <h3>Reliability diagram</h3>
      <ReliabilityDiagram bins={c.reliability} model={c.model.id} />
      <h3>Risk–coverage</h3>
      <RiskCoverageChart series={[{ model: c.model.id, aurc: c.aurc, n: c.n, points: c.riskCoverage }]} />
    </section>
  );
}
