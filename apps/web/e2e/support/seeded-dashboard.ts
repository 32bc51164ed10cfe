import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { createTestDatabase, fixture, writeRafdbSubset } from '@ferbench/testkit';
import type { Browser } from 'playwright-core';
import { type ApiServer, startApi } from './api-server.js';
import { launchBrowser } from './browser.js';
import type { Cleanup } from './cleanup.js';
import { startDashboard } from './next-server.js';
import type { RunningProcess } from './processes.js';
import { seedBenchmark } from './seed-benchmark.js';

export interface RafdbWorkspace {
  /** The temporary folder: the API's datasets root. */
  work: string;
  /** The RAF-DB subset inside it, ready to import. */
  datasetRoot: string;
  databaseUrl: string;
}

/**
 * A temporary folder holding the first `facesPerLabel` test faces of each label of the RAF-DB at `rafdb`, and a
 * throwaway migrated database named after `name`; both registered with `cleanup`. Nothing is imported yet.
 */
export async function rafdbWorkspace(cleanup: Cleanup, rafdb: string, options: { name: string; facesPerLabel: number }): Promise<RafdbWorkspace> {
  const work = mkdtempSync(path.join(tmpdir(), `ferbench-${options.name}-`));
  cleanup.add('temporary folder', () => rmSync(work, { recursive: true, force: true }));
  const datasetRoot = writeRafdbSubset(rafdb, path.join(work, 'rafdb'), options.facesPerLabel);
  const db = await createTestDatabase(options.name.replace(/\W/g, '_'));
  cleanup.add('test database', () => db.drop());
  return { work, datasetRoot, databaseUrl: db.url };
}

export interface WebStack {
  api: ApiServer;
  web: RunningProcess;
  browser: Browser;
}

/** The real API on `databaseUrl` (with `live` options, as startApi), `next start` against it and Chromium; each registered with `cleanup`. */
export async function startWebStack(cleanup: Cleanup, databaseUrl: string, datasetsRoot: string, live?: Parameters<typeof startApi>[2]): Promise<WebStack> {
  const api = await startApi(databaseUrl, datasetsRoot, live);
  cleanup.add('API', () => api.stop());
  const web = await startDashboard(api.baseUrl);
  cleanup.add('next start', () => web.stop());
  const browser = await launchBrowser();
  cleanup.add('browser', () => browser.close());
  return { api, web, browser };
}

export interface SeededDashboard extends WebStack {
  databaseUrl: string;
}

/**
 * Everything a browser test of the seeded dashboard needs, each part registered with `cleanup`: a small real RAF-DB
 * (the first `facesPerLabel` test faces of each label) imported and run with the shipped `modelIds` through the
 * runner library, the real API, `next start` and Chromium. Undefined (the test skipped, saying why) without ../shared.
 */
export async function startSeededDashboard(
  t: TestContext,
  cleanup: Cleanup,
  options: { name: string; datasetId: string; modelIds: readonly string[]; facesPerLabel: number },
): Promise<SeededDashboard | undefined> {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  if (rafdb === undefined || modelsDir === undefined) return undefined;
  const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, options);
  await seedBenchmark({ databaseUrl, datasetRoot, datasetId: options.datasetId, modelsDir, modelIds: options.modelIds });
  return { databaseUrl, ...(await startWebStack(cleanup, databaseUrl, work)) };
}
