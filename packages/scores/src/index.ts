export { MAX_CODED_RATERS, decodeVotes, voteTerms } from './count-code.js';
export { restrictedLabelSql } from './restricted-label.sql.js';
export { type SqlRows, pgRows } from './sql-rows.js';
export { RATED_SQL, countPatterns } from './count-patterns.sql.js';
export { confusionCounts, goldEmotions } from './confusion.sql.js';
export { datasetContentSha256 } from './dataset-sha256.sql.js';
export * from './dataset-agreement.js';
export { type RatingsInfo, ratingCells, ratingsInfo } from './rating-cells.sql.js';
export { type SliceAttribute, attributePath, sliceAccuracyCounts, sliceAttributes, sliceCountPatterns, sliceGroupSizes } from './slice-counts.sql.js';
export { type SummarizedPatterns, defaultRaters, refreshAgreementPatterns, summarizedPatterns } from './pattern-summary.sql.js';
export { modelLabelSet } from './model-label-set.js';
export { type DatasetRobustness, type ModelUnderPerturbation, type PerturbationRobustness, datasetRobustness } from './robustness/dataset-robustness.js';
export {
  PAIRED_KAPPA_BOOTSTRAP,
  type PairedKappaBootstrap,
  type PairedPattern,
  type PairedPatternTable,
  pairedKappaBootstrap,
  pairedPatterns,
} from './robustness/paired-kappa-bootstrap.js';
export { storedPerturbations } from './robustness/robustness-labels.sql.js';
export * from './ensembles/index.js';
export * from './calibration/index.js';
export * from './paired-correctness.sql.js';
