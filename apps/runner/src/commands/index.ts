import type { Command } from 'commander';
import { registerAgreement } from './agreement.command.js';
import { registerCalibrationCommand } from './calibration.command.js';
import { registerBootstrapCommand } from './bootstrap.command.js';
import { registerEnsembleCommand } from './ensemble.command.js';
import { registerConvertCommand } from './convert.command.js';
import { registerDatasetCommand } from './dataset.command.js';
import { registerExportCommand } from './export.command.js';
import { registerModelCommand } from './model.command.js';
import { registerReportCommand } from './report.command.js';
import { registerRobustnessCommand } from './robustness.command.js';
import { registerRunCommand } from './run.command.js';
import { registerSnapshotCommand } from './snapshot.command.js';
import { registerTokenCommand } from './token.command.js';
import { registerWorkerCommand } from './worker.command.js';
import { registerZooCommand } from './zoo.command.js';

/** Each command module adds its subcommand(s) to the program. Add new ones here. */
export const commandModules: ((program: Command) => void)[] = [
  registerAgreement,
  registerCalibrationCommand,
  registerConvertCommand,
  registerEnsembleCommand,
  registerDatasetCommand,
  registerModelCommand,
  registerRunCommand,
  registerReportCommand,
  registerExportCommand,
  registerSnapshotCommand,
  registerRobustnessCommand,
  registerBootstrapCommand,
  registerTokenCommand,
  registerWorkerCommand,
  registerZooCommand,
];
