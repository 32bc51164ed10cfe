export * from './ensemble-error.js';
export * from './transaction.js';
export { insertEnsemblePredictions } from './ensemble-predictions.sql.js';
export * from './ensembles.js';
