import type { CSSProperties } from 'react';
import { emotionColour } from '../format/emotion-colours';
import { formatCount, formatPercent } from '../format/numbers';

interface HumanVote {
  category: string;
  votes: number;
}

/** How the crowd annotators voted on this face (FER+): every answer they could give, with its count and share. */
export function HumanVoteTable({ votes }: { votes: readonly HumanVote[] }) {
  const total = votes.reduce((sum, v) => sum + v.votes, 0);
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label="Human votes" aria-describedby="human-votes-note">
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col" className="num">Votes</th>
            <th scope="col" className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {votes.map((v) => (
            <tr key={v.category} data-category={v.category}>
              <th scope="row">
                <span className="swatch" style={{ background: emotionColour(v.category) }} aria-hidden="true" /> {v.category}
              </th>
              <td className="num" data-stat="votes">
                {formatCount(v.votes)}
              </td>
              <td className="num">
                <span className="bar" style={{ '--p': total === 0 ? 0 : v.votes / total } as CSSProperties} aria-hidden="true" />
                {formatPercent(total === 0 ? null : v.votes / total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-note" id="human-votes-note">
        n = {formatCount(total)} votes by crowd annotators.
      </p>
    </div>
  );
}
