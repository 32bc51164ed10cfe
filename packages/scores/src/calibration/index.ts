export * from './model-calibration.js';
export * from './gated-agreement.sql.js';
