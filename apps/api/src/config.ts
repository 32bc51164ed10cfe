import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything the API reads from its environment, parsed once at boot. Nothing else reads process.env. */
export interface ApiConfig {
  /** A Postgres of the user's choosing; undefined: the embedded server below. */
  databaseUrl: string | undefined;
  /** The embedded server the runner uses too: its data under FERBENCH_DATA_DIR/pg. */
  embeddedPostgres: { dir: string; port: number };
  apiPort: number;
  /** Folder that dataset roots (datasets.root) are relative to; image files are datasets.root + images.path. */
  datasetsRoot: string;
  /** The runner's data folder: submitted models are kept in its models/ (uploads in progress in uploads/). */
  dataDir: string;
  /** Largest ONNX file a model submission may upload, in bytes. */
  maxUploadBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// This file compiles to apps/api/dist/config.js, three levels below the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** 64 MiB: every model in the shared zoo is far smaller; a much larger file is more likely a mistake. */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every variable, collecting every problem, so one failed boot lists all of them. */
export function loadConfig(env: Env = process.env): ApiConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const port = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (/^\d+$/.test(raw) && n >= 1 && n <= 65535) return n;
    problems.push(`${name}=${JSON.stringify(raw)}: expected a TCP port, an integer from 1 to 65535`);
    return fallback;
  };

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl))
    problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL (leave it unset for the embedded Postgres)');

  // Relative paths are taken from the repository root, as the runner takes them, so both find the same folders.
  const fromRoot = (name: string, fallback: string) => path.resolve(REPO_ROOT, value(name) ?? fallback);
  const datasetsRoot = fromRoot('FERBENCH_DATASETS', path.join('..', 'shared', 'data'));
  // The default may be absent on a clean clone (the API still serves metadata); a folder named on purpose must exist.
  if (value('FERBENCH_DATASETS') !== undefined && !isDirectory(datasetsRoot))
    problems.push(`FERBENCH_DATASETS=${JSON.stringify(datasetsRoot)}: not a folder`);

  const rawUploadLimit = value('FERBENCH_MAX_UPLOAD_BYTES');
  let maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
  if (rawUploadLimit !== undefined) {
    maxUploadBytes = Number(rawUploadLimit);
    if (!/^\d+$/.test(rawUploadLimit) || maxUploadBytes < 1 || !Number.isSafeInteger(maxUploadBytes))
      problems.push(`FERBENCH_MAX_UPLOAD_BYTES=${JSON.stringify(rawUploadLimit)}: expected a positive whole number of bytes`);
  }

  const dataDir = fromRoot('FERBENCH_DATA_DIR', '.data');
  const config: ApiConfig = {
    databaseUrl,
    embeddedPostgres: { dir: path.join(dataDir, 'pg'), port: port('FERBENCH_PG_PORT', 54329) },
    apiPort: port('API_PORT', 4000),
    datasetsRoot,
    dataDir,
    maxUploadBytes,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isPostgresUrl(raw: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
