/** A set of emotion labels, as a compact inline list. */
export function LabelList({ labels }: { labels: readonly string[] }) {
  return (
    <ul className="labels" aria-label="labels">
      {labels.map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}
