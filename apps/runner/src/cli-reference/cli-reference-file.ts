import path from 'node:path';

/** docs/cli.md at the repository root. */
export const CLI_REFERENCE_FILE = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'cli.md');
