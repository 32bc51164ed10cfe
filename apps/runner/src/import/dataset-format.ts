import type { LabelMap } from '@ferbench/shared';

/** One labelled image as the dataset's own files describe it. */
export interface DatasetEntry {
  /** Stable identity within the dataset: the image's path relative to the dataset root, with "/" separators. */
  key: string;
  /** Absolute path of the image file. */
  file: string;
  split: string;
  /** The label exactly as the dataset publishes it. */
  labelRaw: string;
  /** Crowd votes, one count per HUMAN_VOTE_CATEGORIES index, where the dataset publishes them (FER+). */
  humanVotes?: readonly number[];
}

export interface DatasetListing {
  entries: DatasetEntry[];
  /** Things in the layout that could not be used (an unknown label, a malformed line), by name. */
  problems: string[];
}

/** A dataset layout the importer understands: how to list its images, and its explicit label map. */
export interface DatasetFormat {
  name: string;
  description: string;
  labelMap: LabelMap;
  /** The dataset id used when the user gives none. */
  defaultId(root: string): string;
  /** Lists the images under `root`, only those of `split` when given. */
  list(root: string, split: string | undefined): Promise<DatasetListing>;
}
