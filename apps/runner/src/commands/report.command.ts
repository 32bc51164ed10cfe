import { readFile, writeFile } from 'node:fs/promises';
import { loadZooManifest } from '@ferbench/models';
import { datasetKappa, pgRows } from '@ferbench/scores';
import type { Command } from 'commander';
import { zooScores } from '../report/zoo-scores.js';
import { replaceBetweenMarkers, zooTableMarkdown } from '../report/zoo-table.markdown.js';
import { withRunner } from './command-context.js';
import { idList } from './parse-options.js';

const MARKERS = 'zoo-table';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      `Accuracy, macro-F1 and n of every installed zoo model on each dataset (the API's scoring), with each model's sha256, training data and preprocessing, and the Fleiss κ of all zoo models per dataset. --write replaces the text between <!-- ${MARKERS}:start --> and <!-- ${MARKERS}:end --> in a file.`,
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
        if (opts.write === undefined) return void console.log(table);
        const text = await readFile(opts.write, 'utf8');
        await writeFile(opts.write, replaceBetweenMarkers(text, MARKERS, table, opts.write));
        log(`${opts.write}: zoo table written (${scores.models.length} models × ${scores.datasets.length} datasets)`);
      }),
    );
}
