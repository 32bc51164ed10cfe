import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}\n(see .env.example)`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads environment variables for an app's one config module, collecting every problem (as `NAME="value": what
 * was expected`) so one failed boot lists all of them. Relative folders are taken from the repository root, so
 * the runner and the API find the same ones whatever their working directory.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(
    private readonly env: Env,
    readonly repoRoot: string,
  ) {}

  /** The trimmed value; unset and empty are the same. */
  text(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  problem(name: string, expected: string): void {
    this.problems.push(`${name}=${JSON.stringify(this.text(name) ?? '')}: ${expected}`);
  }

  folder(name: string, fallback: string): string {
    return path.resolve(this.repoRoot, this.text(name) ?? fallback);
  }

  port(name: string, fallback: number): number {
    const n = this.integer(name, fallback);
    if (n >= 1 && n <= 65535) return n;
    this.problem(name, 'expected a TCP port, an integer from 1 to 65535');
    return fallback;
  }

  positiveInteger(name: string, fallback: number): number {
    const n = this.integer(name, fallback);
    if (n >= 1 && Number.isSafeInteger(n)) return n;
    this.problem(name, 'expected a positive whole number');
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name) ?? fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, `expected one of ${allowed.join(', ')}`);
    return fallback;
  }

  /** The config, or a ConfigError listing every problem met while reading it. */
  done<T>(config: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return config;
  }

  private integer(name: string, fallback: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    return /^\d+$/.test(raw) ? Number(raw) : -1;
  }
}
