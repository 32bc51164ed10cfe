import { readFile, writeFile } from 'node:fs/promises';
import { loadZooManifest } from '@ferbench/models';
import { datasetKappa, pgRows } from '@ferbench/scores';
import type { Command } from 'commander';
import { ensemblesMarkdown, ensemblesVersusBest } from '../report/ensemble-comparison.js';
import { zooScores } from '../report/zoo-scores.js';
import { replaceBetweenMarkers, zooTableMarkdown } from '../report/zoo-table.markdown.js';
import { withRunner } from './command-context.js';
import { idList } from './parse-options.js';

const MARKERS = 'zoo-table';
const ENSEMBLE_MARKERS = 'ensembles';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      `Accuracy, macro-F1 and n of every installed zoo model on each dataset (the API's scoring), with each model's sha256, training data and preprocessing, and the Fleiss κ of all zoo models per dataset; then per dataset the best single zoo model against zoo-mean and zoo-vote (accuracy with 95% Wilson CI, McNemar p). --write replaces the text between <!-- ${MARKERS}:start --> and <!-- ${MARKERS}:end --> in a file, and the comparison between <!-- ${ENSEMBLE_MARKERS}:start --> and <!-- ${ENSEMBLE_MARKERS}:end --> where the file has those markers.`,
    )
    .option('--dataset <ids>', 'dataset id(s), comma-separated, or "all"', idList, 'all')
    .option('--markdown', 'print the Markdown table (the default)')
    .option('--json', 'print the scores as JSON')
    .option('--write <file>', 'write the Markdown table into this file, between the markers')
    .action(async (opts: { dataset: string[] | 'all'; markdown?: boolean; json?: boolean; write?: string }) =>
      withRunner(async ({ db, log }) => {
        const rows = pgRows(db.pool);
        const datasets = opts.dataset === 'all' ? (await rows<{ id: string }>('SELECT id FROM datasets ORDER BY id', [])).map((r) => r.id) : opts.dataset;
        const scores = await zooScores(rows, await loadZooManifest(), datasets);
        if (opts.json) return void console.log(JSON.stringify(scores, null, 2));
        const kappas = [];
        for (const d of scores.datasets) {
          const zoo = scores.models.filter((m) => m.scores[d.id] !== undefined).map((m) => m.id);
          if (zoo.length >= 2) kappas.push(await datasetKappa(rows, d.id, zoo, { resamples: 1000, seed: 1 }));
        }
        const table = zooTableMarkdown(scores, kappas);
        const ensembles = ensemblesMarkdown(await ensemblesVersusBest(rows, scores));
        if (opts.write === undefined) return void console.log(`${table}\n\n${ensembles}`);
        let text = replaceBetweenMarkers(await readFile(opts.write, 'utf8'), MARKERS, table, opts.write);
        if (text.includes(`<!-- ${ENSEMBLE_MARKERS}:start -->`)) text = replaceBetweenMarkers(text, ENSEMBLE_MARKERS, ensembles, opts.write);
        await writeFile(opts.write, text);
        log(`${opts.write}: zoo table written (${scores.models.length} models × ${scores.datasets.length} datasets)`);
      }),
    );
}
