import type { Emotion, LabelMap } from '@ferbench/shared';

/** One labelled image as the dataset's own files describe it. */
export interface DatasetEntry {
  /**
   * Stable identity within the dataset: the image's path relative to the dataset root, with "/" separators (for
   * images decoded from a table, such as fer2013.csv, the name its row gets).
   */
  key: string;
  /** Absolute path of the image file; for decoded images, where the import stores `content`. */
  file: string;
  split: string;
  /** The label exactly as the dataset publishes it. */
  labelRaw: string;
  /** Crowd votes, one count per HUMAN_VOTE_CATEGORIES index, where the dataset publishes them (FER+). */
  humanVotes?: readonly number[];
  /** People's graded judgement of the image, where the dataset publishes it (JAFFE's semantic ratings). */
  humanRatings?: HumanRatings;
  /** What the dataset publishes about the image beyond its label (face box, landmarks, valence…), as JSON. */
  annotations?: Readonly<Record<string, unknown>>;
  /** The encoded image, for datasets that publish pixels rather than files; the import stores it (image-store.ts). */
  content?: Uint8Array;
}

/**
 * Mean ratings of how much an image shows each emotion rated, by `raters` people on a scale from `scaleMin` to
 * `scaleMax` (stored in human_ratings, one row per emotion). Emotions not rated are absent, not a minimum.
 */
export interface HumanRatings {
  scaleMin: number;
  scaleMax: number;
  raters: number;
  means: readonly { emotion: Emotion; mean: number }[];
}

export interface DatasetListing {
  entries: DatasetEntry[];
  /** Things in the layout that could not be used (an unknown label, a malformed line), by name. */
  problems: string[];
  /** What the layout publishes that does not apply to any image (e.g. ratings of a photo the folder lacks): reported, not an error. */
  notes?: string[];
  /** The label map of this listing, where it depends on the layout found or on the options (else the format's). */
  labelMap?: LabelMap;
}

/** What the user may tell a format beyond the root and split. */
export interface ListOptions {
  /** The dataset's labels and their canonical emotions (`--labels map.json`), for formats without fixed labels. */
  labels?: LabelMap | undefined;
  /** Which images of the layout to take (`--variant`), for formats that have more than one set (RAF-DB). */
  variant?: string | undefined;
}

/** A dataset layout the importer understands: how to list its images, and its explicit label map. */
export interface DatasetFormat {
  name: string;
  description: string;
  labelMap: LabelMap;
  /** The values `--variant` takes, the first being the default; absent: the format has one set of images. */
  variants?: readonly string[];
  /** Whether `--labels` applies (formats whose labels are the user's folder or column values). */
  takesLabels?: boolean;
  /** The dataset id used when the user gives none. */
  defaultId(root: string): string;
  /** Lists the images under `root`, only those of `split` when given. */
  list(root: string, split: string | undefined, options: ListOptions): Promise<DatasetListing>;
}
