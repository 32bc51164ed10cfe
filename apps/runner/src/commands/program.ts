import { Command } from 'commander';
import { commandModules } from './index.js';

/** The `ferbench` program with every command registered: what cli.ts parses and what docs/cli.md is printed from. */
export function createProgram(): Command {
  const program = new Command('ferbench').description('Measure how much facial emotion recognition models agree.').showHelpAfterError();
  // a fixed width: the same help in a terminal, in a pipe and in docs/cli.md
  program.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  for (const register of commandModules) register(program);
  return program;
}
