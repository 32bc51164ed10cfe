
/** FER+'s vote columns, in label.csv / fer2013new.csv order. */
export const FERPLUS_VOTE_COLUMNS = ['neutral', 'happiness', 'surprise', 'sadness', 'anger', 'disgust', 'fear', 'contempt', 'unknown', 'NF'] as const;

/** The published label of a face whose votes have no majority emotion. */
export const FERPLUS_NO_MAJORITY = 'no-majority';

/**
 * FER+'s "majority" protocol, as Microsoft's src/ferplus.py (_process_data, mode "majority", then _load_folder)
 * applies it: votes of 1 are dropped as outliers, the top column must hold more than half of the votes left, and it
 * must be one of the 8 emotions (the first 8 columns). Returns that column's name, the name of a winning "unknown" or
 * "NF" column (a face FER+ leaves out), or FERPLUS_NO_MAJORITY.
 */
export function ferplusMajority(votes: readonly number[]): string {
  if (votes.length !== FERPLUS_VOTE_COLUMNS.length) throw new RangeError(`expected ${FERPLUS_VOTE_COLUMNS.length} vote counts, got ${votes.length}`);
  const kept = votes.map((v) => (v > 1 ? v : 0));
  const total = kept.reduce((a, b) => a + b, 0);
  const top = Math.max(...kept);
  if (!(top > 0.5 * total)) return FERPLUS_NO_MAJORITY;
  // More than half of the votes: the top column is unique. An "unknown" or "NF" winner is returned by name; the
  // label map gives it no emotion, as ferplus.py leaves out such faces (argmax >= 8).
  return FERPLUS_VOTE_COLUMNS[kept.indexOf(top)]!;
}
