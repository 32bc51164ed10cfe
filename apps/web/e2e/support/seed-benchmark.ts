import path from 'node:path';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';

export interface SeededBenchmark {
  datasetId: string;
  modelIds: string[];
}

/**
 * Real data through the real runner library, as `ferbench dataset import`, `model add` and `run` would write it:
 * the dataset at `datasetRoot` and the shipped models named in `modelIds`, every model run on every face.
 */
export async function seedBenchmark(options: {
  databaseUrl: string;
  datasetRoot: string;
  datasetId: string;
  modelsDir: string;
  modelIds: readonly string[];
  /** Let the run create zoo-mean and zoo-vote, as `ferbench run` does (default false: only the models' own rows). */
  ensembles?: boolean;
}): Promise<SeededBenchmark> {
  const db = poolDatabase(options.databaseUrl);
  try {
    const imported = await importDataset(db.pool, { format: 'rafdb', root: options.datasetRoot, id: options.datasetId, split: 'test' });
    if (imported.inserted === 0) throw new Error(`no faces imported from ${options.datasetRoot}`);
    const cards = await Promise.all(shippedCardFiles().map((file) => readModelCard(file)));
    for (const id of options.modelIds) {
      const card = cards.find((c) => c.id === id);
      if (!card) throw new Error(`no shipped card for model ${id} (shipped: ${cards.map((c) => c.id).join(', ')})`);
      await addModel(db.pool, { onnxFile: path.resolve(options.modelsDir, card.file), card });
    }
    const runs = await runModels(db.pool, {
      datasets: [options.datasetId],
      models: options.modelIds,
      modelsDir: options.modelsDir,
      device: 'cpu',
      workers: 1,
      progress: false,
      refreshEnsembles: options.ensembles === true,
    });
    const failed = runs.filter((r) => r.status === 'failed' || r.failed > 0);
    if (failed.length > 0) throw new Error(`runs failed: ${failed.map((r) => `${r.modelId}: ${r.error ?? `${r.failed} faces failed`}`).join('; ')}`);
    return { datasetId: options.datasetId, modelIds: [...options.modelIds] };
  } finally {
    await db.close();
  }
}
