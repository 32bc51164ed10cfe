import { emotionColour } from '../format/emotion-colours';

/**
 * A face's votes as one compact stacked bar: a segment per voted label, its width the label's share, in the
 * label set's order; a triangle under the gold label's place (its own segment, or a slot after the bar when no
 * model voted for it). The bar is drawn for the eye; its label says the same in words.
 */
export function VoteBar({ labels, counts, goldLabel }: { labels: readonly string[]; counts: readonly number[]; goldLabel: string | null }) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const voted = labels.map((label, i) => ({ label, n: counts[i] ?? 0 })).filter((v) => v.n > 0);
  const goldVoted = goldLabel !== null && voted.some((v) => v.label === goldLabel);
  const words = `${total} ${total === 1 ? 'vote' : 'votes'}: ${voted.map((v) => `${v.label} ${v.n}`).join(', ') || 'none'}${
    goldLabel === null ? '' : `; gold ${goldLabel}${goldVoted ? '' : ' (no model)'}`
  }`;
  return (
    <div className="vote-bar" role="img" aria-label={words} title={words} data-votes={voted.map((v) => `${v.label}:${v.n}`).join(' ')}>
      <div className="vote-bar-track">
        {voted.map((v) => (
          <span
            key={v.label}
            className={`vote-segment${v.label === goldLabel ? ' gold' : ''}`}
            style={{ flexGrow: v.n, background: emotionColour(v.label) }}
          />
        ))}
        {goldLabel !== null && !goldVoted && <span className="vote-segment missing-gold" style={{ background: emotionColour(goldLabel) }} />}
      </div>
    </div>
  );
}
