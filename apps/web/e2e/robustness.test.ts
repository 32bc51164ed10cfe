import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { resolveSuite } from '@ferbench/inference';
import { runRobustness } from '@ferbench/runs';
import { fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';

const MODELS = ['mini-xception-119', 'mobilefacenet-int8'];
const DATASET_ID = 'rafdb-robust';
const SUITE = 'hflip;mask(kind=surgical);blur(sigma=0)';

interface Truth {
  robustness: {
    perturbations: { perturbation: string; nFaces: number; kappa: { value: number | null }; models: { modelId: string; flips: { value: number | null } }[] }[];
  };
}

test('the robustness page, linked from the dataset page: one chart line per model plus κ, and a data table with the API’s numbers', { timeout: 300_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (rafdb === undefined || modelsDir === undefined || detectors === undefined) return;
  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_robustness', facesPerLabel: 3 });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: MODELS });
    const pool = poolDatabase(databaseUrl);
    cleanup.add('pool', () => pool.close());
    await runRobustness(pool.pool, { datasets: [DATASET_ID], models: MODELS, perturbations: resolveSuite(SUITE), modelsDir, detectorsDir: detectors, device: 'cpu', progress: false });
    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work);
    const truth = await queryApi<Truth>(api.baseUrl, 'query ($id: ID!) { robustness(dataset: $id) { perturbations { perturbation nFaces kappa { value } models { modelId flips { value } } } } }', { id: DATASET_ID });
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });

    await step('the dataset page links to the robustness page', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      await page.getByRole('navigation', { name: 'Views of this dataset' }).getByRole('link', { name: 'Robustness' }).click();
      await page.waitForURL(/\/robustness$/);
      await page.getByRole('heading', { name: 'How agreement breaks under perturbations' }).waitFor();
    });

    await step('the chart has one line per model and one for κ; the table has a row per perturbation with the API’s faces, κ and flips', async () => {
      const chart = page.locator('svg[data-chart="robustness"]');
      await chart.waitFor();
      assert.deepEqual(await chart.locator('polyline').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-line'))), [...MODELS, 'kappa']);
      await screenshot(page, 'robustness');
      const rows = page.locator('table[data-table="robustness"] tbody tr');
      assert.equal(await rows.count(), truth.robustness.perturbations.length);
      for (const p of truth.robustness.perturbations) {
        const row = page.locator(`tr[data-perturbation="${p.perturbation}"]`);
        assert.equal(await row.locator('[data-stat="faces"]').innerText(), String(p.nFaces));
        assert.equal(await row.locator('[data-stat="kappa"]').innerText(), p.kappa.value === null ? '—' : p.kappa.value.toFixed(3).replace('-', '−'));
        for (const m of p.models) {
          const flips = await row.locator(`td[data-model="${m.modelId}"] [data-stat="flips"]`).innerText();
          assert.equal(flips, m.flips.value === null ? '—' : `${(m.flips.value * 100).toFixed(1)} %`, `${p.perturbation} ${m.modelId}`);
        }
      }
      const identity = page.locator('tr[data-perturbation="blur(sigma=0)"]');
      assert.equal(await identity.locator('[data-stat="kappa"]').innerText(), await identity.locator('[data-stat="kappa-clean"]').innerText());
      assert.deepEqual(await identity.locator('[data-stat="flips"]').allInnerTexts(), ['0.0 %', '0.0 %']);
    });
  } finally {
    await cleanup.run();
  }
});
