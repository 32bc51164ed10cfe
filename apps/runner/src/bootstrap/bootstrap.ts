import { existsSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { RunnerConfig } from '../config.js';
import { type ImportSummary, importDataset } from '../import/import-dataset.js';
import { type AddModelResult, addModel } from '../model/add-model.js';
import { readModelCard } from '../model/read-card.js';
import { shippedCardFiles } from '../model/shipped-cards.js';
import type { RunSummary } from '../run/run-model.js';
import { runModels } from '../run/run-models.js';

/** The datasets bootstrap knows, by folder name under FERBENCH_DATASETS. */
export const KNOWN_DATASETS = [
  { id: 'fer2013', folder: 'fer2013', format: 'imagefolder' },
  { id: 'rafdb', folder: 'rafdb', format: 'rafdb' },
  { id: 'ferplus', folder: 'ferplus', format: 'ferplus' },
] as const;

export interface BootstrapReport {
  datasets: ImportSummary[];
  models: AddModelResult[];
  /** Shipped cards whose ONNX file is not under FERBENCH_MODELS. */
  modelsMissing: { id: string; file: string }[];
  runs: RunSummary[];
  /** Set when there was nothing to run on: how to add data or models. */
  help?: string;
}

export interface BootstrapOptions {
  batchSize?: number | undefined;
  progress?: boolean | undefined;
  log?: (line: string) => void;
}

/**
 * The data step of the main job: import every known dataset present, register every shipped model whose file is
 * present, and run all models on all datasets. Everything is idempotent and the runs resumable, so a second call
 * only does what is missing.
 */
export async function bootstrap(pool: pg.Pool, config: RunnerConfig, options: BootstrapOptions = {}): Promise<BootstrapReport> {
  const log = options.log ?? (() => {});
  const report: BootstrapReport = { datasets: [], models: [], modelsMissing: [], runs: [] };
  for (const known of KNOWN_DATASETS) {
    const root = path.join(config.datasetsDir, known.folder);
    if (existsSync(root)) report.datasets.push(await importDataset(pool, { format: known.format, root, id: known.id, log }));
  }
  for (const cardFile of shippedCardFiles()) {
    const card = await readModelCard(cardFile);
    const onnx = path.resolve(config.modelsDir, card.file);
    if (existsSync(onnx)) report.models.push(await addModel(pool, { onnxFile: onnx, card, log }));
    else report.modelsMissing.push({ id: card.id, file: onnx });
  }
  if (report.datasets.length === 0 || report.models.length === 0) {
    report.help = bootstrapHelp(config, report);
    return report;
  }
  report.runs = await runModels(pool, { datasets: 'all', models: 'all', modelsDir: config.modelsDir, device: config.device, batchSize: options.batchSize, progress: options.progress, log });
  return report;
}

function bootstrapHelp(config: RunnerConfig, report: BootstrapReport): string {
  const lines = ['ferbench bootstrap: nothing to run yet.'];
  if (report.datasets.length === 0)
    lines.push(
      `  No dataset found under FERBENCH_DATASETS=${config.datasetsDir} (looked for ${KNOWN_DATASETS.map((d) => `${d.folder}/`).join(', ')}).`,
      '  Put FER2013 (Kaggle image folders test/<emotion>/*.jpg) in fer2013/, RAF-DB basic in rafdb/ or FER+ in ferplus/, or import any folder:',
      '    ferbench dataset import --format imagefolder|rafdb|ferplus <path> [--name id] [--split s]',
    );
  if (report.models.length === 0)
    lines.push(
      `  No model file found under FERBENCH_MODELS=${config.modelsDir}; the shipped cards expect:`,
      ...report.modelsMissing.map((m) => `    ${m.id}: ${m.file}`),
      '  Put the files there, or register another model:',
      '    ferbench model add <file.onnx> --card <card.json>',
    );
  return lines.join('\n');
}
