import { addModel } from '@ferbench/models';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';

export function registerModelCommand(program: Command): void {
  const model = program.command('model').description('Manage models.');
  model
    .command('add')
    .description("Register an ONNX model with its card, after checking the card against the file's sha256 and graph.")
    .argument('<file.onnx>', 'the ONNX file')
    .requiredOption('--card <card.json>', 'the model card')
    .action(async (onnxFile: string, opts: { card: string }) =>
      withRunner(async ({ db }) => {
        const result = await addModel(db.pool, { onnxFile, card: opts.card });
        console.log(`model ${result.card.id}: ${result.outcome} (${result.card.name} ${result.card.version}, sha256 ${result.sha256})`);
      }),
    );
}
