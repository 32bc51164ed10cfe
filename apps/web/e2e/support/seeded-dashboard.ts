import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import type { Browser } from 'playwright-core';
import { type ApiServer, startApi } from './api-server.js';
import { launchBrowser } from './browser.js';
import type { Cleanup } from './cleanup.js';
import { startDashboard } from './next-server.js';
import type { RunningProcess } from './processes.js';
import { writeRafdbSubset } from './rafdb-subset.js';
import { seedBenchmark } from './seed-benchmark.js';

export interface SeededDashboard {
  databaseUrl: string;
  api: ApiServer;
  web: RunningProcess;
  browser: Browser;
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
  const work = mkdtempSync(path.join(tmpdir(), `ferbench-${options.name}-`));
  cleanup.add('temporary folder', () => rmSync(work, { recursive: true, force: true }));
  const datasetRoot = writeRafdbSubset(rafdb, path.join(work, 'rafdb'), options.facesPerLabel);
  const db = await createTestDatabase(options.name.replace(/\W/g, '_'));
  cleanup.add('test database', () => db.drop());
  await seedBenchmark({ databaseUrl: db.url, datasetRoot, datasetId: options.datasetId, modelsDir, modelIds: options.modelIds });
  const api = await startApi(db.url, work);
  cleanup.add('API', () => api.stop());
  const web = await startDashboard(api.baseUrl);
  cleanup.add('next start', () => web.stop());
  const browser = await launchBrowser();
  cleanup.add('browser', () => browser.close());
  return { databaseUrl: db.url, api, web, browser };
}
