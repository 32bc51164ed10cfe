import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createProgram } from '../commands/program.js';
import { CLI_REFERENCE_FILE } from './cli-reference-file.js';
import { cliReference } from './cli-reference.js';

/** `npm run docs:cli -w @ferbench/runner`: rewrites docs/cli.md from the commands. */
mkdirSync(path.dirname(CLI_REFERENCE_FILE), { recursive: true });
writeFileSync(CLI_REFERENCE_FILE, cliReference(createProgram()));
console.log(`wrote ${CLI_REFERENCE_FILE}`);
