import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { createProgram } from '../commands/program.js';
import { CLI_REFERENCE_FILE } from './cli-reference-file.js';
import { cliReference } from './cli-reference.js';

test('docs/cli.md is the help the commands print (run `npm run docs:cli -w @ferbench/runner`)', () => {
  const expected = cliReference(createProgram());
  assert.ok(expected.includes('## ferbench run\n'), 'the reference lists `ferbench run`');
  assert.equal(readFileSync(CLI_REFERENCE_FILE, 'utf8'), expected);
});
