import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

test('defaults: embedded Postgres under .data/pg on 54329, port 4000, datasets beside the repository', () => {
  assert.deepEqual(loadConfig({}), {
    databaseUrl: undefined,
    embeddedPostgres: { dir: path.join(repoRoot, '.data', 'pg'), port: 54329 },
    apiPort: 4000,
    apiHost: undefined,
    datasetsRoot: path.join(repoRoot, '..', 'shared', 'data'),
    dataDir: path.join(repoRoot, '.data'),
    maxUploadBytes: 64 * 1024 * 1024,
    modelsDir: path.join(repoRoot, '..', 'shared', 'models'),
    detectorsDir: path.join(repoRoot, '..', 'shared', 'detectors'),
    privateImages: { datasets: new Set(), access: 'token' },
  });
});

test('FERBENCH_PRIVATE_IMAGES marks datasets private; FERBENCH_PRIVATE_IMAGES_ACCESS says for whom', () => {
  const config = loadConfig({ FERBENCH_PRIVATE_IMAGES: 'research-only,mine', FERBENCH_PRIVATE_IMAGES_ACCESS: 'nobody' });
  assert.deepEqual(config.privateImages, { datasets: new Set(['fer2013', 'ferplus', 'rafdb', 'jaffe', 'affectnet', 'mine']), access: 'nobody' });
  assert.throws(
    () => loadConfig({ FERBENCH_PRIVATE_IMAGES: 'raf db', FERBENCH_PRIVATE_IMAGES_ACCESS: 'everyone' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /FERBENCH_PRIVATE_IMAGES_ACCESS="everyone": expected one of token, nobody/.test(error.message) &&
      /FERBENCH_PRIVATE_IMAGES="raf db": "raf db" is not a dataset id/.test(error.message),
  );
});

test('variables that are set are used; relative folders are taken from the repository root, as the runner does', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u:p@db:5432/ferbench',
    API_PORT: '8080',
    API_HOST: '127.0.0.1',
    FERBENCH_PG_PORT: '5555',
    FERBENCH_DATASETS: 'apps',
    FERBENCH_DATA_DIR: '/var/lib/ferbench',
    FERBENCH_MAX_UPLOAD_BYTES: '1048576',
    FERBENCH_MODELS: '/srv/models',
    FERBENCH_DETECTORS: 'apps',
  });
  assert.equal(config.modelsDir, '/srv/models');
  assert.equal(config.detectorsDir, path.join(repoRoot, 'apps'));
  assert.equal(config.dataDir, '/var/lib/ferbench');
  assert.equal(config.maxUploadBytes, 1048576);
  assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/ferbench');
  assert.equal(config.apiPort, 8080);
  assert.equal(config.apiHost, '127.0.0.1');
  assert.deepEqual(config.embeddedPostgres, { dir: '/var/lib/ferbench/pg', port: 5555 });
  assert.equal(config.datasetsRoot, path.join(repoRoot, 'apps'));
});

test('every bad variable is reported at once', () => {
  const env = {
    DATABASE_URL: 'mysql://x',
    API_PORT: '80a',
    FERBENCH_PG_PORT: '70000',
    FERBENCH_DATASETS: path.join(__dirname, 'no-such-folder'),
    FERBENCH_MAX_UPLOAD_BYTES: '64MB',
  };
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(
        error.problems.map((p) => p.split(/[=:]/)[0]),
        ['DATABASE_URL', 'FERBENCH_PG_PORT', 'API_PORT', 'FERBENCH_DATASETS', 'FERBENCH_MAX_UPLOAD_BYTES'],
      );
      return true;
    },
  );
});
