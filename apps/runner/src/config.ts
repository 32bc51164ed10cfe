import path from 'node:path';

export const DEVICES = ['cpu', 'cuda'] as const;
export type Device = (typeof DEVICES)[number];

/** Everything the runner takes from its environment, validated once. */
export interface RunnerConfig {
  repoRoot: string;
  /** A Postgres server of the user's choosing; undefined: the embedded one. */
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  dataDir: string;
  /** Data folder of the embedded Postgres (under dataDir). */
  embeddedPgDir: string;
  /** Folder that model cards' `file` paths are relative to. */
  modelsDir: string;
  /** Root under which `bootstrap` looks for known datasets. */
  datasetsDir: string;
  device: Device;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}\n(see .env.example)`);
    this.name = 'ConfigError';
  }
}

// The compiled file sits in apps/runner/dist, three levels below the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses and validates the runner's environment variables; throws a ConfigError naming every bad one. The only
 * place in the runner that reads the environment: everything else receives a RunnerConfig.
 */
export function loadConfig(env: Env = process.env, repoRoot: string = REPO_ROOT): RunnerConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const folder = (name: string, fallback: string): string => path.resolve(repoRoot, value(name) ?? fallback);

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined) {
    let protocol: string | undefined;
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      problems.push(`DATABASE_URL: not a URL (expected postgres://user:password@host:port/database)`);
    }
    if (protocol !== undefined && protocol !== 'postgres:' && protocol !== 'postgresql:')
      problems.push(`DATABASE_URL: expected a postgres:// or postgresql:// URL, got "${protocol}"`);
  }

  const portText = value('FERBENCH_PG_PORT') ?? '54329';
  const embeddedPgPort = Number(portText);
  if (!/^\d+$/.test(portText) || embeddedPgPort < 1 || embeddedPgPort > 65535)
    problems.push(`FERBENCH_PG_PORT: expected a TCP port 1..65535, got "${portText}"`);

  const deviceText = value('FERBENCH_DEVICE') ?? 'cpu';
  if (!(DEVICES as readonly string[]).includes(deviceText)) problems.push(`FERBENCH_DEVICE: expected one of ${DEVICES.join(', ')}, got "${deviceText}"`);

  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = folder('FERBENCH_DATA_DIR', '.data');
  return {
    repoRoot,
    databaseUrl,
    embeddedPgPort,
    dataDir,
    embeddedPgDir: path.join(dataDir, 'pg'),
    modelsDir: folder('FERBENCH_MODELS', path.join('..', 'shared', 'models')),
    datasetsDir: folder('FERBENCH_DATASETS', path.join('..', 'shared', 'data')),
    device: deviceText as Device,
  };
}
