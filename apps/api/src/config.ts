import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type DatabaseConfig, EnvReader, readDatabaseConfig } from '@ferbench/db';
import { ALL_IMAGES_PUBLIC, PRIVATE_IMAGE_ACCESS, type PrivateImagesPolicy, parsePrivateImages } from '@ferbench/shared';

export { ConfigError } from '@ferbench/db';

/** Everything the API reads from its environment, parsed once at boot. Nothing else reads process.env. */
export interface ApiConfig extends DatabaseConfig {
  apiPort: number;
  /** Address to listen on; undefined: every interface. */
  apiHost: string | undefined;
  /** Folder that dataset roots (datasets.root) are relative to; image files are datasets.root + images.path. */
  datasetsRoot: string;
  /** Largest ONNX file a model submission may upload, in bytes. */
  maxUploadBytes: number;
  /** Registered models' files (a card's `file` is relative to it) and the face detector, for the live photo path. */
  modelsDir: string;
  detectorsDir: string;
  /** Datasets whose image bytes are served only to token holders (or nobody): FERBENCH_PRIVATE_IMAGES(_ACCESS). */
  privateImages: PrivateImagesPolicy;
}

// This file compiles to apps/api/dist/config.js, three levels below the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** 64 MiB: every model in the shared zoo is far smaller; a much larger file is more likely a mistake. */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every variable, collecting every problem, so one failed boot lists all of them. */
export function loadConfig(env: Env = process.env): ApiConfig {
  const reader = new EnvReader(env, REPO_ROOT);
  const database = readDatabaseConfig(reader);
  const apiPort = reader.port('API_PORT', 4000);
  const apiHost = reader.text('API_HOST');
  const datasetsRoot = reader.folder('FERBENCH_DATASETS', path.join('..', 'shared', 'data'));
  // The default may be absent on a clean clone (the API still serves metadata); a folder named on purpose must exist.
  if (reader.text('FERBENCH_DATASETS') !== undefined && !isDirectory(datasetsRoot)) reader.problem('FERBENCH_DATASETS', 'not a folder');
  const maxUploadBytes = reader.positiveInteger('FERBENCH_MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES);
  // Like the datasets: absent defaults still start the API (POST /try-photo then says what is missing).
  const modelsDir = reader.folder('FERBENCH_MODELS', path.join('..', 'shared', 'models'));
  const detectorsDir = reader.folder('FERBENCH_DETECTORS', path.join('..', 'shared', 'detectors'));
  const access = reader.oneOf('FERBENCH_PRIVATE_IMAGES_ACCESS', PRIVATE_IMAGE_ACCESS, 'token');
  const parsed = parsePrivateImages(reader.text('FERBENCH_PRIVATE_IMAGES'), access);
  if ('problem' in parsed) reader.problem('FERBENCH_PRIVATE_IMAGES', parsed.problem);
  const privateImages = 'problem' in parsed ? ALL_IMAGES_PUBLIC : parsed;
  return reader.done({ ...database, apiPort, apiHost, datasetsRoot, maxUploadBytes, modelsDir, detectorsDir, privateImages });
}

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
