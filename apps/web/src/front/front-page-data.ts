/**
 * The front page's answer, as plain data: per dataset the Fleiss κ of the zoo models that ran on it (with its CI
 * and n), and every model's accuracy on every dataset (the models × datasets table).
 */
export interface DatasetKappa {
  datasetId: string;
  datasetName: string;
  /** Zoo models counted (raters). */
  nModels: number;
  nFaces: number;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  ciLevel: number;
  /** Why value (or its CI) is missing. */
  reason: string | null;
  labelSet: readonly string[];
  dataSha256: string;
}

export interface AccuracyCell {
  accuracy: number | null;
  n: number;
  reason: string | null;
}

export interface AccuracyRow {
  modelId: string;
  modelName: string;
  modelSha256: string;
  /** By dataset id; absent where the model has not run on that dataset. */
  cells: Record<string, AccuracyCell>;
}

export interface LeaderboardEntryLike {
  model: { id: string; name: string; sha256: string };
  n: number;
  accuracy?: number | null;
  accuracyReason?: string | null;
}

/** One row per model that ran anywhere, in the order models first appear across the leaderboards. */
export function accuracyRows(leaderboards: readonly { datasetId: string; entries: readonly LeaderboardEntryLike[] }[]): AccuracyRow[] {
  const rows = new Map<string, AccuracyRow>();
  for (const { datasetId, entries } of leaderboards)
    for (const e of entries) {
      const row = rows.get(e.model.id) ?? { modelId: e.model.id, modelName: e.model.name, modelSha256: e.model.sha256, cells: {} };
      row.cells[datasetId] = { accuracy: e.accuracy ?? null, n: e.n, reason: e.accuracyReason ?? null };
      rows.set(e.model.id, row);
    }
  return [...rows.values()];
}
