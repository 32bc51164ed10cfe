import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { addModel, poolDatabase, readModelCard, runModels, SHIPPED_CARDS_DIR } from '@ferbench/runner';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { startApi } from './support/api-server.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { startDashboard } from './support/next-server.js';
import { writeRafdbSubset } from './support/rafdb-subset.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { assertShows } from './support/shown-number.js';

const ZOO = ['mini-xception-119', 'mobilefacenet-int8'];
const DATASET_ID = 'rafdb-zoo';

interface ZooAgreement {
  agreement: { nRaters: number; nFaces: number; fleiss: { value: number; se: number; ciLow: number; ciHigh: number } };
}

test("the dataset page shows Fleiss' κ of all the zoo models, says how many, and whether the headline κ counts others too", { timeout: 240_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  if (rafdb === undefined || modelsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const work = mkdtempSync(path.join(tmpdir(), 'ferbench-web-zoo-'));
    cleanup.add('temporary folder', () => rmSync(work, { recursive: true, force: true }));
    const datasetRoot = writeRafdbSubset(rafdb, path.join(work, 'rafdb'), 4);
    const db = await createTestDatabase('web_zoo_kappa');
    cleanup.add('test database', () => db.drop());
    await seedBenchmark({ databaseUrl: db.url, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: ZOO });
    // A third rater from outside the zoo: mini_XCEPTION's file registered under another id.
    const pool = poolDatabase(db.url);
    cleanup.add('pool', () => pool.close());
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
    await addModel(pool.pool, { onnxFile: path.resolve(modelsDir, card.file), card: { ...card, id: 'mini-copy', name: 'mini_XCEPTION copy (not in the zoo)', version: 'copy' } });
    await runModels(pool.pool, { datasets: [DATASET_ID], models: ['mini-copy'], modelsDir, device: 'cpu', workers: 1, progress: false });

    const api = await startApi(db.url, work);
    cleanup.add('API', () => api.stop());
    const truth = await queryApi<ZooAgreement>(
      api.baseUrl,
      'query ($id: ID!, $models: [ID!]) { agreement(dataset: $id, models: $models) { nRaters nFaces fleiss { value se ciLow ciHigh } } }',
      { id: DATASET_ID, models: ZOO },
    );
    const web = await startDashboard(api.baseUrl);
    cleanup.add('next start', () => web.stop());
    const browser = await launchBrowser();
    cleanup.add('browser', () => browser.close());
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      const section = page.locator('section.zoo-kappa');
      await section.getByRole('heading', { name: "Fleiss' κ of all 2 zoo models" }).waitFor();
      await screenshot(page, 'zoo-kappa');
      const shown = (stat: string) => section.locator(`[data-stat="${stat}"]`).innerText();
      const { fleiss, nFaces } = truth.agreement;
      assertShows(await shown('zoo-fleiss-kappa'), fleiss.value, 'κ of the zoo models');
      assertShows(await shown('zoo-fleiss-kappa-se'), fleiss.se, 'its SE');
      assertShows(await shown('zoo-fleiss-kappa-ci-low'), fleiss.ciLow, 'its CI low');
      assertShows(await shown('zoo-fleiss-kappa-ci-high'), fleiss.ciHigh, 'its CI high');
      assertShows(await shown('zoo-n-faces'), nFaces, 'its faces');
      assert.equal(nFaces, 28);
      assert.match(await section.innerText(), /The headline κ above counts 3 models, 2 of them from the zoo\./);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nscreenshot: ${await screenshot(page, 'failed-zoo-kappa').catch(() => 'none')}\n--- next start log ---\n${web.log()}`, { cause: error });
    }
  } finally {
    await cleanup.run();
  }
});
