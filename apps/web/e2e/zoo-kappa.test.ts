import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, SHIPPED_CARDS_DIR } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';
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
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_zoo_kappa', facesPerLabel: 4 });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: ZOO });
    // A third rater from outside the zoo: mini_XCEPTION's file registered under another id.
    const pool = poolDatabase(databaseUrl);
    cleanup.add('pool', () => pool.close());
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
    await addModel(pool.pool, { onnxFile: path.resolve(modelsDir, card.file), card: { ...card, id: 'mini-copy', name: 'mini_XCEPTION copy (not in the zoo)', version: 'copy' } });
    await runModels(pool.pool, { datasets: [DATASET_ID], models: ['mini-copy'], modelsDir, device: 'cpu', workers: 1, progress: false });

    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work);
    const truth = await queryApi<ZooAgreement>(
      api.baseUrl,
      'query ($id: ID!, $models: [ID!]) { agreement(dataset: $id, models: $models) { nRaters nFaces fleiss { value se ciLow ciHigh } } }',
      { id: DATASET_ID, models: ZOO },
    );
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });
    await step('the zoo section shows κ of the zoo models with SE, CI and n, and how many models the headline κ counts', async () => {
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
    });
  } finally {
    await cleanup.run();
  }
});
