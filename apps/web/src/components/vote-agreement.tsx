import { formatStatistic } from '../format/numbers';

interface Majority {
  label: string;
  tied: boolean;
  tiedLabels: readonly string[];
}

/** How much the models agree on this one face: the majority vote (and any tie), vote entropy and Fleiss' P_i. */
export function VoteAgreement({ majority, entropyBits, pI }: { majority: Majority | null; entropyBits: number | null; pI: number | null }) {
  if (majority === null) return null;
  return (
    <>
      <div>
        <dt>majority</dt>
        <dd data-stat="majority">
          <span className="emotion">{majority.label}</span>
          {majority.tied && (
            <span className="muted" data-stat="tied-labels">
              {' '}
              tied with {majority.tiedLabels.filter((l) => l !== majority.label).join(', ')}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>
          <abbr title="Entropy of the votes in bits: 0 when all models agree">vote entropy</abbr>
        </dt>
        <dd data-stat="entropy-bits">{formatStatistic(entropyBits)}</dd>
      </div>
      <div>
        <dt>
          <abbr title="Fleiss' P_i: the share of pairs of models that agree on this face">P_i</abbr>
        </dt>
        <dd data-stat="p-i">{formatStatistic(pI)}</dd>
      </div>
    </>
  );
}
