import type { RunSummary } from './run-model.js';

/** One line per run: what was predicted, how fast, and on what. */
export function formatRunSummary(s: RunSummary): string {
  const pair = `${s.modelId} on ${s.datasetId}`;
  if (s.status === 'up-to-date') return `${pair}: up to date (${s.images} images already predicted)`;
  const speed = s.facesPerSecond === null ? '' : ` in ${s.seconds.toFixed(1)} s (${Math.round(s.facesPerSecond)} faces/s)`;
  const outcome = `${s.predicted} predicted, ${s.failed} failed of ${s.pending} pending${speed} [run ${s.runId}, ${s.executionProvider}]`;
  return s.status === 'failed' ? `${pair}: FAILED after ${outcome}: ${s.error}` : `${pair}: ${outcome}`;
}
