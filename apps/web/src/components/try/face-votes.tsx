import type { CSSProperties } from 'react';
import { formatProbability, formatStatistic } from '../../format/numbers';
import type { TriedPhoto } from '../../try/tried-photo';
import { Hash } from '../hash';
import { VoteAgreement } from '../vote-agreement';

/**
 * Per face: every model's vote with the probability it gave it (a bar), then the agreement of the votes over the
 * labels every model can emit: majority, vote entropy, Fleiss' P_i, with the number of votes behind them.
 */
export function FaceVotes({ result }: { result: TriedPhoto }) {
  const models = new Map(result.models.map((m) => [m.id, m]));
  return (
    <>
      {result.unavailable.length > 0 && (
        <p className="muted">Not asked (their files are not on this server): {result.unavailable.join(', ')}.</p>
      )}
      {result.faces.map((face, k) => {
        const { agreement } = face;
        const majority = agreement.majority === null ? null : { label: agreement.majority, tied: agreement.tied, tiedLabels: agreement.tiedLabels };
        return (
          <section key={k} className="tried-face" aria-labelledby={`face-${k + 1}-heading`} data-face={k + 1}>
            <h2 id={`face-${k + 1}-heading`}>
              Face {k + 1} <span className="muted">(detector score {formatProbability(face.score)})</span>
            </h2>
            <dl className="facts">
              <div>
                <dt>votes</dt>
                <dd data-stat="ratings">{agreement.ratings}</dd>
              </div>
              <VoteAgreement majority={majority} entropyBits={agreement.entropyBits} pI={agreement.pI} />
              <div>
                <dt>over the labels</dt>
                <dd>{agreement.labelSet.join(', ')}</dd>
              </div>
            </dl>
            <div className="table-scroll">
              <table className="data-table" aria-label={`Model votes on face ${k + 1}`}>
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Vote</th>
                    <th scope="col" className="num">
                      Probability
                    </th>
                    <th scope="col">Crop</th>
                    <th scope="col">Model sha256</th>
                  </tr>
                </thead>
                <tbody>
                  {face.votes.map((vote) => {
                    const model = models.get(vote.modelId);
                    return (
                      <tr key={vote.modelId} data-model-id={vote.modelId}>
                        <th scope="row" className="model-name">
                          {model?.name ?? vote.modelId} <span className="version">{model?.version}</span>
                        </th>
                        <td data-stat="vote">
                          <span className="emotion">{vote.label ?? 'none'}</span>
                          {vote.labelInSet !== vote.label && <span className="muted"> (counted as {vote.labelInSet ?? 'none'})</span>}
                        </td>
                        <td className="num" data-stat="probability">
                          <span className="bar" style={{ '--p': vote.probability ?? 0 } as CSSProperties} aria-hidden="true" />
                          {formatProbability(vote.probability)}
                        </td>
                        <td>{model?.crop}</td>
                        <td>{model && <Hash value={model.sha256} label="model sha256" />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="table-note">
              Vote entropy {formatStatistic(agreement.entropyBits)} bits and P_i over {agreement.ratings} votes; counts:{' '}
              {agreement.labelSet
                .map((label, i) => [label, agreement.voteCounts[i] ?? 0] as const)
                .filter(([, n]) => n > 0)
                .map(([label, n]) => `${label} ${n}`)
                .join(', ')}
              .
            </p>
          </section>
        );
      })}
    </>
  );
}
