import { loadZooManifest } from '@ferbench/models';
import { type DatasetKappa, datasetKappa, modelsPredictedOn, pgRows } from '@ferbench/scores';
import { withRunner } from './command-context.js';

export interface DatasetAgreementOptions {
  datasets: string[] | 'all';
  models: string[] | 'all' | 'zoo';
  resamples: number;
  seed: number;
  json: boolean;
}

const fixed = (x: number | null) => (x === null ? 'undefined' : x.toFixed(4));

export function formatDatasetKappa(k: DatasetKappa): string {
  const value = k.kappa === null ? `undefined (${k.reason})` : `${fixed(k.kappa)}, SE ${fixed(k.se)}, ${k.ci.level * 100}% CI [${fixed(k.ci.low)}, ${fixed(k.ci.high)}]`;
  return [
    `${k.datasetId}: Fleiss κ ${value}`,
    `  n faces ${k.nFaces}, n raters ${k.nRaters}, label set ${k.labelSet.join(', ')}`,
    `  models ${k.models.join(', ')}`,
    `  CI: ${k.ci.resamples} bootstrap resamples of the faces, seed ${k.ci.seed}`,
  ].join('\n');
}

/** `ferbench agreement --dataset …`: Fleiss' κ of stored predictions, one block (or JSON object) per dataset. */
export async function datasetAgreementCommand(options: DatasetAgreementOptions): Promise<void> {
  await withRunner(async ({ db }) => {
    const rows = pgRows(db.pool);
    const datasets = options.datasets === 'all' ? (await rows<{ id: string }>('SELECT id FROM datasets ORDER BY id', [])).map((r) => r.id) : options.datasets;
    const zoo = new Set((await loadZooManifest()).models.map((m) => m.card.id));
    const results: DatasetKappa[] = [];
    for (const datasetId of datasets) {
      const predicted = await modelsPredictedOn(rows, datasetId);
      const models = options.models === 'all' ? predicted : options.models === 'zoo' ? predicted.filter((id) => zoo.has(id)) : options.models;
      if (models.length === 0) throw new Error(`dataset ${datasetId}: no ${options.models === 'zoo' ? 'zoo model' : 'model'} has predictions on it (ferbench run)`);
      results.push(await datasetKappa(rows, datasetId, models, { resamples: options.resamples, seed: options.seed }));
    }
    console.log(options.json ? JSON.stringify(results, null, 2) : results.map(formatDatasetKappa).join('\n'));
  });
}
