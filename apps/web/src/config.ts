/**
 * The dashboard's one config module: the only code that reads process.env. Parsed once, on first use at
 * request time (pages are rendered per request, so the value is the running server's, not the build's).
 */
export interface WebConfig {
  /** Base URL of the ferbench GraphQL API, e.g. http://localhost:4000 (GraphQL at /graphql, faces at /images/:id). */
  apiUrl: string;
}

const DEFAULT_API_URL = 'http://localhost:4000';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): WebConfig {
  const problems: string[] = [];
  const raw = env.FERBENCH_API_URL?.trim() || DEFAULT_API_URL;
  let apiUrl = raw;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`FERBENCH_API_URL must be http(s), got ${raw}`);
    apiUrl = url.href.replace(/\/+$/, '');
  } catch {
    problems.push(`FERBENCH_API_URL is not a URL: ${raw}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { apiUrl };
}

let cached: WebConfig | undefined;

export function config(): WebConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
