import type { Command } from 'commander';
import { formatPerturbationListing } from '../report/perturbation-listing.js';

export function registerRobustnessCommand(program: Command): void {
  const robustness = program
    .command('robustness')
    .description('Perturbation suites: the same faces masked, occluded, darkened, blurred, compressed, tilted; how far each model moves and agreement falls.');
  robustness
    .command('list')
    .description('List every perturbation (canonical name with its defaults, parameters, whether it is drawn from the face landmarks) and every suite.')
    .action(() => console.log(formatPerturbationListing()));
}
