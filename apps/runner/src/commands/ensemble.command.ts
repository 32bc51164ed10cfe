import { zooModelIds } from '@ferbench/models';
import { type EnsembleSummary, createEnsemble, listEnsembles, pgRows, pgTransaction, refreshEnsembles } from '@ferbench/scores';
import { type Command, InvalidArgumentError } from 'commander';
import { withRunner } from './command-context.js';
import { idList } from './parse-options.js';

function rule(value: string): 'mean' | 'vote' {
  if (value !== 'mean' && value !== 'vote') throw new InvalidArgumentError(`expected "mean" or "vote", got "${value}"`);
  return value;
}

function members(value: string): string[] {
  const ids = idList(value);
  if (ids === 'all') throw new InvalidArgumentError('expected a comma-separated list of model ids');
  return ids;
}

const describe = (e: EnsembleSummary) =>
  `${e.id}: ${e.rule} of ${e.members.join(', ')}${e.builtin ? ' (built in)' : ''}; ${e.datasets.map((d) => `${d.datasetId} ${d.faces} faces`).join(', ') || 'no dataset every member predicted yet'}`;

/** `ferbench ensemble`: virtual models computed from stored predictions. */
export function registerEnsembleCommand(program: Command): void {
  const ensemble = program
    .command('ensemble')
    .description('Ensembles: virtual models whose predictions are computed from their members\' stored ones (built in: zoo-mean, zoo-vote)');
  ensemble
    .command('create')
    .description('Register an ensemble and compute its predictions on every dataset all its members predicted')
    .argument('<id>', 'the ensemble\'s model id (a slug)')
    .requiredOption('--models <ids>', 'member model ids, comma-separated (at least 2, none an ensemble)', members)
    .requiredOption('--rule <rule>', 'mean (average probability over the labels all members can emit, renormalised) or vote (most frequent label; ties: higher summed probability, then canonical order)', rule)
    .option('--json', 'print the ensemble as JSON')
    .action(async (id: string, options: { models: string[]; rule: 'mean' | 'vote'; json?: boolean }) =>
      withRunner(async ({ db }) => {
        const created = await createEnsemble(pgTransaction(db.pool), { id, rule: options.rule, members: options.models });
        console.log(options.json ? JSON.stringify(created) : describe(created));
      }),
    );
  ensemble
    .command('refresh')
    .description('Recompute ensembles from their members\' current predictions (`ferbench run` does this after new predictions); creates zoo-mean and zoo-vote when missing')
    .argument('[ids...]', 'only the ensembles with these ids or members (default: all)')
    .option('--json', 'print the ensembles as JSON')
    .action(async (ids: string[], options: { json?: boolean }) =>
      withRunner(async ({ db }) => {
        const refreshed = await refreshEnsembles(pgTransaction(db.pool), { zooIds: zooModelIds(), ...(ids.length > 0 ? { only: ids } : {}) });
        if (ids.length > 0 && refreshed.length === 0) throw new Error(`no ensemble is or contains ${ids.join(', ')} (ferbench ensemble list)`);
        if (options.json) console.log(JSON.stringify(refreshed));
        else for (const e of refreshed) console.log(describe(e));
      }),
    );
  ensemble
    .command('list')
    .description('List the registered ensembles')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }) =>
      withRunner(async ({ db }) => {
        const all = await listEnsembles(pgRows(db.pool));
        if (options.json) console.log(JSON.stringify(all));
        else for (const e of all) console.log(`${e.id}\t${e.rule}\t${e.members.join(',')}${e.builtin ? '\tbuilt in' : ''}\t${e.sha256.slice(0, 12)}`);
      }),
    );
}
