/** What POST /try-photo answers (apps/api/src/modules/photo/photo.service.ts TriedPhoto), as this app reads it. */
export interface TriedVote {
  modelId: string;
  label: string | null;
  probability: number | null;
  /** Canonical order (EMOTIONS); null where the model has no such class. */
  probabilities: (number | null)[];
  labelInSet: string | null;
}

export interface TriedFace {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  votes: TriedVote[];
  agreement: {
    labelSet: string[];
    voteCounts: number[];
    ratings: number;
    majority: string | null;
    tied: boolean;
    tiedLabels: string[];
    entropyBits: number | null;
    pI: number | null;
  };
}

export interface TriedPhoto {
  photo: { bytes: number; sha256: string; width: number; height: number };
  detector: { id: string; sha256: string };
  models: { id: string; name: string; version: string; sha256: string; crop: string }[];
  unavailable: string[];
  labelSet: string[];
  faces: TriedFace[];
}
