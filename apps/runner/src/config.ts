import path from 'node:path';
import { type DatabaseConfig, EnvReader, readDatabaseConfig } from '@ferbench/db';
import { DEVICES, type Device } from '@ferbench/inference';

export { ConfigError } from '@ferbench/db';

/** Everything the runner takes from its environment, validated once. */
export interface RunnerConfig extends DatabaseConfig {
  repoRoot: string;
  /** Folder that model cards' `file` paths are relative to. */
  modelsDir: string;
  /** Folder of the face detector (yunet-2023mar/…) that cards with crop 'detect' or 'align' need. */
  detectorsDir: string;
  /** Root under which `bootstrap` looks for known datasets. */
  datasetsDir: string;
  device: Device;
  /**
   * FERBENCH_HIDE_UNLICENSED=1: a public deployment leaves models whose authors state no licence (cards with
   * source.unlicensed) off the board: `zoo install` and `npm start` skip them.
   */
  hideUnlicensed: boolean;
  /** Zoo models `bootstrap` installs (FERBENCH_ZOO, comma-separated ids); undefined: every available one. */
  zoo: string[] | undefined;
  /** FERBENCH_ROBUSTNESS=1: `npm start` also runs the default perturbation suite on RAF-DB and FER2013 (resumable). */
  robustness: boolean;
  /** FERBENCH_ROBUSTNESS_EVERY=n: that run perturbs only every n-th image of each dataset (default 1: all). */
  robustnessEvery: number;
}

// The compiled file sits in apps/runner/dist, three levels below the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

type Env = Readonly<Record<string, string | undefined>>;

/** "a, b" → ['a', 'b']; unset or blank → undefined. Unknown ids are refused by the zoo installer, naming them. */
function idList(value: string | undefined): string[] | undefined {
  const ids = (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids;
}

/**
 * Parses and validates the runner's environment variables; throws a ConfigError naming every bad one. The only
 * place in the runner that reads the environment: everything else receives a RunnerConfig.
 */
export function loadConfig(env: Env = process.env, repoRoot: string = REPO_ROOT): RunnerConfig {
  const reader = new EnvReader(env, repoRoot);
  return reader.done({
    repoRoot,
    ...readDatabaseConfig(reader),
    modelsDir: reader.folder('FERBENCH_MODELS', path.join('..', 'shared', 'models')),
    detectorsDir: reader.folder('FERBENCH_DETECTORS', path.join('..', 'shared', 'detectors')),
    datasetsDir: reader.folder('FERBENCH_DATASETS', path.join('..', 'shared', 'data')),
    device: reader.oneOf('FERBENCH_DEVICE', DEVICES, 'cpu'),
    hideUnlicensed: reader.oneOf('FERBENCH_HIDE_UNLICENSED', ['0', '1'] as const, '0') === '1',
    zoo: idList(reader.text('FERBENCH_ZOO')),
    robustness: reader.oneOf('FERBENCH_ROBUSTNESS', ['0', '1'] as const, '0') === '1',
    robustnessEvery: reader.positiveInteger('FERBENCH_ROBUSTNESS_EVERY', 1),
  });
}
