import { createApiToken, listApiTokens, revokeApiToken } from '@ferbench/jobs';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';

export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API tokens, which let their holders submit models through the API.');
  token
    .command('create')
    .description('Create a token and print it once: only its sha256 is stored, so it cannot be shown again.')
    .argument('<name>', 'who or what the token is for (unique among live tokens)')
    .action(async (name: string) =>
      withRunner(async ({ db, log }) => {
        const created = await createApiToken(db.pool, name);
        // The token alone on stdout, so that `ferbench token create x > file` keeps just the secret.
        console.log(created.token);
        log(`token "${created.name}" created; it is shown only this once. Send it as "Authorization: Bearer <token>".`);
      }),
    );
  token
    .command('revoke')
    .description('Revoke the live token with this name.')
    .argument('<name>')
    .action(async (name: string) =>
      withRunner(async ({ db }) => {
        if (!(await revokeApiToken(db.pool, name))) throw new Error(`no live token named "${name}" (ferbench token list)`);
        console.log(`token "${name}" revoked`);
      }),
    );
  token
    .command('list')
    .description('List the live tokens (names and dates; token values are never stored).')
    .action(async () =>
      withRunner(async ({ db }) => {
        for (const t of await listApiTokens(db.pool))
          console.log(`${t.name}\tcreated ${t.createdAt.toISOString()}\tlast used ${t.lastUsedAt?.toISOString() ?? 'never'}`);
      }),
    );
}
