export * from './scored-item.js';
export * from './reliability.js';
export * from './proper-scores.js';
export * from './selective-prediction.js';
export * from './temperature-scaling.js';
export * from './calibration-report.js';
