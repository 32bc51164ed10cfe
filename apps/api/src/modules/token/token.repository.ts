import type { DataSource } from 'typeorm';

export interface TokenHolder {
  id: string;
  name: string;
}

export class TokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The live (unrevoked) token with this sha256, marking it used. */
  async useLive(tokenSha256: string): Promise<TokenHolder | null> {
    const [rows]: [TokenHolder[], number] = await this.dataSource.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE token_sha256 = $1 AND revoked_at IS NULL RETURNING id::text, name`,
      [tokenSha256],
    );
    return rows[0] ?? null;
  }
}
