// Dataset importers: one file per format, each turning a folder or file into rows of images with gold labels.

export { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
export { type ImportOptions, type ImportSummary, type SkippedImage, importDataset } from './import-dataset.js';
export { formatImportSummary } from './import-summary.js';
export { type DatasetFormat, type DatasetEntry, type DatasetListing, type HumanRatings } from './dataset-format.js';
export { DATASET_FORMATS, datasetFormat } from './dataset-formats.js';
export { type DatasetListItem, formatDatasetList, listDatasets } from './dataset-list.js';
export { type LabelCount, labelCounts } from './label-counts.js';
export { readLabelsFile } from './user-labels.js';
export { FER2013_FOLDER_LABELS } from './image-folder.format.js';
export { RAFDB_LABELS } from './rafdb.format.js';
export { JAFFE_LABELS, parseJaffeFileName } from './jaffe.format.js';
export { JAFFE_RATED, JAFFE_RATING_SCALE } from './jaffe-ratings.js';
export { storedImageFile } from './image-store.js';
export { countsByLabel } from './testing/counts-by-label.js';
export { KNOWN_DATASETS } from './known-datasets.js';
