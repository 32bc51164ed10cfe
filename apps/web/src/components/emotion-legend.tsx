import { EMOTIONS } from '@ferbench/shared';
import { emotionColour } from '../format/emotion-colours';

/** The colour of each emotion, as every chart on the page uses it; `labels` narrows it to the ones shown. */
export function EmotionLegend({ labels = EMOTIONS, gold = false }: { labels?: readonly string[]; gold?: boolean }) {
  return (
    <ul className="legend" aria-label="Colour of each emotion">
      {labels.map((label) => (
        <li key={label}>
          <span className="swatch" style={{ background: emotionColour(label) }} aria-hidden="true" />
          {label}
        </li>
      ))}
      {gold && (
        <li>
          <span className="gold-mark-sample" aria-hidden="true">▲</span>
          gold label
        </li>
      )}
    </ul>
  );
}
