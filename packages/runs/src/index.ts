// Runs: every pending image of a dataset through a registered model, predictions into Postgres, resumable.

export { RunError, RunErrorCode } from './run-error.js';
export { type ImageIdRange, type RunOptions, DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, defaultWorkers } from './run-options.js';
export { type RunSummary, runModelGroup, runModelOnDataset } from './run-model.js';
export { groupBy, preprocessingKey } from './preprocessing-key.js';
export { type RunModelsOptions, runModels } from './run-models.js';
export { formatRunSummary } from './run-summary.js';
export { prepareBatchFiles } from './prepare-batch.js';
export { type ImageDetection, cachedDetections } from './faces/face-detections.repository.js';
export { type VerifiedCopy, verifyDatasetCopy } from './dataset-copy.js';
export { type BootstrapPhase, recordBootstrapPhase } from './bootstrap-progress.js';
export { type RobustnessOptions, type RobustnessSummary, formatRobustnessSummary, runRobustness } from './robustness/run-robustness.js';
