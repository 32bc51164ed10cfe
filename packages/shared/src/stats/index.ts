export * from './stat-result.js';
export * from './normal-distribution.js';
export * from './count-table.js';
export * from './ratings-matrix.js';
export * from './complete-case-summary.js';
export * from './fleiss-kappa.js';
export * from './confusion-matrix.js';
export * from './classification-metrics.js';
