import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { TokenError, TokenErrorCode } from './token-error.js';

/** A recognisable prefix, so a leaked token is easy to find in logs and secret scanners. */
const PREFIX = 'fbt_';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/**
 * How a token is stored and looked up. A token is 256 random bits, so a fast unsalted hash is as good as a slow
 * one (nothing to brute-force) and lets the API find it by index.
 */
export function apiTokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token for `name` and returns it: the only time it exists outside the caller's hands. */
export async function createApiToken(pool: pg.Pool, name: string): Promise<{ id: string; name: string; token: string }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  try {
    const { rows } = await pool.query<{ id: string }>('INSERT INTO api_tokens (name, token_sha256) VALUES ($1, $2) RETURNING id', [name, apiTokenSha256(token)]);
    return { id: rows[0]!.id, name, token };
  } catch (error) {
    const { constraint } = error as { constraint?: string };
    if (constraint === 'api_tokens_live_name')
      throw new TokenError(TokenErrorCode.TokenNameTaken, `a token named "${name}" exists already (ferbench token revoke ${name} first)`);
    if (constraint === 'api_tokens_name_check')
      throw new TokenError(TokenErrorCode.TokenNameInvalid, `"${name}" is not a token name: letters, digits, ".", "_", "@" or "-", at most 63`);
    throw error;
  }
}

/** Revokes the live token named `name`; false when there is none. */
export async function revokeApiToken(pool: pg.Pool, name: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name]);
  return (rowCount ?? 0) > 0;
}

/** The live tokens, oldest first (never their values, which are not stored). */
export async function listApiTokens(pool: pg.Pool): Promise<ApiToken[]> {
  const { rows } = await pool.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
    'SELECT id, name, created_at, last_used_at FROM api_tokens WHERE revoked_at IS NULL ORDER BY id',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}
