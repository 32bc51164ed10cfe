import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const root = path.resolve('/srv/ferbench');

test('defaults: embedded Postgres under <repo>/.data/pg on 54329, shared folders beside the repo, cpu', () => {
  assert.deepEqual(loadConfig({}, root), {
    repoRoot: root,
    databaseUrl: undefined,
    embeddedPostgres: { dir: '/srv/ferbench/.data/pg', port: 54329 },
    dataDir: '/srv/ferbench/.data',
    modelsDir: '/srv/shared/models',
    detectorsDir: '/srv/shared/detectors',
    datasetsDir: '/srv/shared/data',
    device: 'cpu',
    hideUnlicensed: false,
    zoo: undefined,
    robustness: false,
    robustnessEvery: 1,
  });
});

test('FERBENCH_ZOO limits the zoo bootstrap installs to the ids it lists', () => {
  assert.deepEqual(loadConfig({ FERBENCH_ZOO: ' mini-xception-119, mobilefacenet-int8 ,' }, root).zoo, ['mini-xception-119', 'mobilefacenet-int8']);
  assert.equal(loadConfig({ FERBENCH_ZOO: ' ' }, root).zoo, undefined);
});

test('variables override the defaults; relative folders are taken from the repository root', () => {
  const config = loadConfig(
    { DATABASE_URL: 'postgres://u:p@db:5432/x', FERBENCH_PG_PORT: '6000', FERBENCH_DATA_DIR: 'var', FERBENCH_MODELS: '/m', FERBENCH_DETECTORS: '/det', FERBENCH_DATASETS: 'd', FERBENCH_DEVICE: 'cuda', FERBENCH_HIDE_UNLICENSED: '1', FERBENCH_ROBUSTNESS: '1', FERBENCH_ROBUSTNESS_EVERY: '20' },
    root,
  );
  assert.deepEqual([config.robustness, config.robustnessEvery], [true, 20]);
  assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/x');
  assert.deepEqual(config.embeddedPostgres, { dir: '/srv/ferbench/var/pg', port: 6000 });
  assert.equal(config.modelsDir, '/m');
  assert.equal(config.detectorsDir, '/det');
  assert.equal(config.datasetsDir, '/srv/ferbench/d');
  assert.equal(config.device, 'cuda');
  assert.equal(config.hideUnlicensed, true);
});

test('every bad variable is listed at once', () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x@y/z', FERBENCH_PG_PORT: '70000', FERBENCH_DEVICE: 'tpu' }, root),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 3);
      for (const name of ['DATABASE_URL', 'FERBENCH_PG_PORT', 'FERBENCH_DEVICE']) assert.match(error.message, new RegExp(`${name}="[^"]*": expected`));
      return true;
    },
  );
});

test('an unparseable DATABASE_URL is named', () => {
  assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }, root), /DATABASE_URL="not a url": expected a postgres:\/\/user:password@host:port\/database URL/);
});
