import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { createTestDatabase, ferplusSubset, fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { startWebStack } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';

const MODEL_IDS = ['mini-xception-119', 'mobilefacenet-int8'];
const FACES = 120;

interface Estimate {
  value: number;
  se: number;
  n: number;
  ciLow: number;
  ciHigh: number;
}
interface Correlation {
  value: number;
  n: number;
  ciLow: number;
  ciHigh: number;
}
interface ApiHumans {
  humanAgreement: {
    votedFaces: number;
    humans: Estimate;
    modelsKappa: Estimate;
    modelsAndMajority: Estimate;
    modelsVsMajority: { model: { id: string }; n: number; accuracy: number; accuracyCiLow: number; accuracyCiHigh: number; kappa: { value: number } }[];
    entropy: { n: number; pearson: Correlation; spearman: Correlation; cells: { faces: number }[] };
  };
}

const ESTIMATE = 'value se n ciLow ciHigh';
const HUMANS_QUERY = `query ($id: ID!) { humanAgreement(dataset: $id) {
  votedFaces humans { ${ESTIMATE} } modelsKappa { ${ESTIMATE} } modelsAndMajority { ${ESTIMATE} }
  modelsVsMajority { model { id } n accuracy accuracyCiLow accuracyCiHigh kappa { value } }
  entropy { n pearson { value n ciLow ciHigh } spearman { value n ciLow ciHigh } cells { faces } } } }`;

/**
 * People as raters in a real browser: 120 real FER+ faces with their crowd votes, both shipped models run on them;
 * the dataset page links to the humans page, which shows the API's κs, each model against the majority and the
 * entropy chart with its correlations (the API's numbers are checked against the rows by the API's own e2e test).
 */
test('the humans page shows people’s and models’ κ, models vs the majority, and the entropy chart with r, CI and n', { timeout: 240_000 }, async (t) => {
  const ferplus = fixture(t, 'data', 'ferplus');
  const modelsDir = fixture(t, 'models');
  if (ferplus === undefined || modelsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const subset = ferplusSubset(ferplus, FACES);
    cleanup.add('FER+ subset', () => subset.cleanup());
    const db = await createTestDatabase('web_humans');
    cleanup.add('test database', () => db.drop());
    const runner = poolDatabase(db.url);
    try {
      await importDataset(runner.pool, { format: 'ferplus', root: subset.root, id: 'ferplus' });
      for (const file of shippedCardFiles()) {
        const card = await readModelCard(file);
        if (MODEL_IDS.includes(card.id)) await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
      }
      await runModels(runner.pool, { datasets: ['ferplus'], models: MODEL_IDS, modelsDir, device: 'cpu', progress: false, refreshEnsembles: false });
    } finally {
      await runner.close();
    }
    const { api, web, browser } = await startWebStack(cleanup, db.url, subset.root);
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });

    const { humanAgreement: h } = await queryApi<ApiHumans>(api.baseUrl, HUMANS_QUERY, { id: 'ferplus' });
    assert.equal(h.votedFaces, FACES);

    await step('the humans page shows every κ, the models against the majority and the entropy chart as the API gives them', async () => {
      await page.goto(`${web.url}datasets/ferplus`);
      const link = page.getByRole('link', { name: 'People as raters' });
      await link.waitFor();
      await link.click();
      await page.waitForURL('**/datasets/ferplus/humans');
      await page.getByRole('table', { name: "Fleiss' κ of people and models" }).waitFor();
      await screenshot(page, 'humans');

      assertShows(await page.locator('[data-stat="voted-faces"]').innerText(), FACES, 'faces with votes');
      for (const [row, estimate] of [['humans', h.humans], ['models', h.modelsKappa], ['models-and-majority', h.modelsAndMajority]] as const) {
        const tr = page.locator(`tr[data-kappa="${row}"]`);
        assertShows(await tr.locator('[data-stat="value"]').innerText(), estimate.value, `${row} κ`);
        assertShows(await tr.locator('[data-stat="se"]').innerText(), estimate.se, `${row} SE`);
        assertShows(await tr.locator('[data-stat="ci-low"]').innerText(), estimate.ciLow, `${row} CI low`);
        assertShows(await tr.locator('[data-stat="ci-high"]').innerText(), estimate.ciHigh, `${row} CI high`);
        assertShows(await tr.locator('[data-stat="n"]').innerText(), estimate.n, `${row} n`);
      }
      for (const entry of h.modelsVsMajority) {
        const tr = page.locator(`tr[data-model-id="${entry.model.id}"]`);
        assertShows(await tr.locator('[data-stat="accuracy"]').innerText(), entry.accuracy, `${entry.model.id} accuracy vs majority`);
        assertShows(await tr.locator('[data-stat="accuracy-ci-low"]').innerText(), entry.accuracyCiLow, `${entry.model.id} accuracy CI low`);
        assertShows(await tr.locator('[data-stat="accuracy-ci-high"]').innerText(), entry.accuracyCiHigh, `${entry.model.id} accuracy CI high`);
        assertShows(await tr.locator('[data-stat="kappa"]').innerText(), entry.kappa.value, `${entry.model.id} κ vs majority`);
        assertShows(await tr.locator('[data-stat="n"]').innerText(), entry.n, `${entry.model.id} n`);
      }
      for (const name of ['pearson', 'spearman'] as const) {
        const line = page.locator(`[data-correlation="${name}"]`);
        const correlation = h.entropy[name];
        assertShows(await line.locator('[data-stat="value"]').innerText(), correlation.value, `${name}`);
        assertShows(await line.locator('[data-stat="ci-low"]').innerText(), correlation.ciLow, `${name} CI low`);
        assertShows(await line.locator('[data-stat="ci-high"]').innerText(), correlation.ciHigh, `${name} CI high`);
        assertShows(await line.locator('[data-stat="n"]').innerText(), correlation.n, `${name} n`);
      }
      // One bubble per (human, model) entropy pair, carrying the faces it stands for: together, every face.
      const bubbles = await page.locator('svg[data-chart="entropy"] circle[data-faces]').evaluateAll((circles) => circles.map((c) => Number(c.getAttribute('data-faces'))));
      assert.equal(bubbles.length, h.entropy.cells.length);
      assert.equal(bubbles.reduce((a, b) => a + b, 0), h.entropy.n);
    });
  } finally {
    await cleanup.run();
  }
});
