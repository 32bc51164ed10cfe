import { formatImportSummary } from '@ferbench/datasets';
import { formatZooInstallResult } from '@ferbench/models';
import { formatRunSummary, formatRobustnessSummary } from '@ferbench/runs';
import type { Command } from 'commander';
import { bootstrap } from '../bootstrap/bootstrap.js';
import { withRunner } from './command-context.js';

export function registerBootstrapCommand(program: Command): void {
  program
    .command('bootstrap')
    .description('Import every known dataset under FERBENCH_DATASETS, install the zoo (from FERBENCH_MODELS, else the npm-registry models), run them all (resumable).')
    .action(async () =>
      withRunner(async ({ config, db, log }) => {
        const report = await bootstrap(db.pool, config, { log });
        for (const d of report.datasets) console.log(formatImportSummary(d));
        for (const m of report.models) if (m.status !== 'installed') log(`zoo: ${formatZooInstallResult(m)}`);
        if (report.help !== undefined) return void console.log(report.help);
        for (const s of report.runs) console.log(formatRunSummary(s));
        for (const s of report.robustness) console.log(formatRobustnessSummary(s));
        if (report.runs.some((s) => s.status === 'failed')) process.exitCode = 1;
      }),
    );
}
