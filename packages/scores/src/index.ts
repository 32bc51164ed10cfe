export { MAX_CODED_RATERS, decodeVotes, voteTerms } from './count-code.js';
export { restrictedLabelSql } from './restricted-label.sql.js';
export { type SqlRows, pgRows } from './sql-rows.js';
export { RATED_SQL, countPatterns } from './count-patterns.sql.js';
export { confusionCounts, goldEmotions } from './confusion.sql.js';
export { datasetContentSha256 } from './dataset-sha256.sql.js';
export * from './dataset-agreement.js';
export * from './ensembles/index.js';
export * from './calibration/index.js';
