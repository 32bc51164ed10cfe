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
const FIRST = 'rafdb-front';
/** Same faces under another id; its images are private (FERBENCH_PRIVATE_IMAGES). */
const SECOND = 'rafdb-private';
/** Copies of mini_XCEPTION outside the zoo, so FIRST's κ heatmap has 8 models and needs more than the text column. */
const COPIES = ['copy-a', 'copy-b', 'copy-c', 'copy-d', 'copy-e', 'copy-f'];

interface Truth {
  leaderboard: { entries: { model: { id: string; name: string; zoo: boolean }; n: number; accuracy: number }[] };
}
interface ZooKappa {
  agreement: { nRaters: number; nFaces: number; fleiss: { value: number; ciLow: number; ciHigh: number } };
}

test('front page: κ of the zoo models per dataset and the models × datasets accuracy table, as the API says; sortable; wide and phone layouts; private images as placeholders', { timeout: 300_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  if (rafdb === undefined || modelsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_front_page', facesPerLabel: 3 });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: FIRST, modelsDir, modelIds: ZOO });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: SECOND, modelsDir, modelIds: ZOO });
    const pool = poolDatabase(databaseUrl);
    cleanup.add('pool', () => pool.close());
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
    for (const id of COPIES)
      await addModel(pool.pool, { onnxFile: path.resolve(modelsDir, card.file), card: { ...card, id, name: `mini_XCEPTION ${id}`, version: id } });
    await runModels(pool.pool, { datasets: [FIRST], models: COPIES, modelsDir, device: 'cpu', workers: 1, progress: false, refreshEnsembles: false });

    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work, { privateImages: SECOND });
    const truth = new Map<string, Truth['leaderboard']['entries']>();
    const kappa = new Map<string, ZooKappa['agreement']>();
    for (const id of [FIRST, SECOND]) {
      const board = await queryApi<Truth>(api.baseUrl, 'query ($id: ID!) { leaderboard(dataset: $id) { entries { model { id name zoo } n accuracy } } }', { id });
      truth.set(id, board.leaderboard.entries);
      const zoo = board.leaderboard.entries.filter((e) => e.model.zoo).map((e) => e.model.id);
      assert.deepEqual(zoo.sort(), [...ZOO].sort(), `${id}: the zoo models are the shipped two`);
      const { agreement } = await queryApi<ZooKappa>(
        api.baseUrl,
        'query ($id: ID!, $models: [ID!]) { agreement(dataset: $id, models: $models) { nRaters nFaces fleiss { value ciLow ciHigh } } }',
        { id, models: zoo },
      );
      kappa.set(id, agreement);
    }

    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log, API: api.log } });
    await step('the front page answers first: κ of the zoo models per dataset with CI, n faces and n models', async () => {
      await page.goto(web.url);
      await page.getByRole('heading', { name: /Fleiss' κ of the zoo models per dataset/ }).waitFor();
      await screenshot(page, 'front-page');
      for (const id of [FIRST, SECOND]) {
        const row = page.locator(`#front-kappa-table tr[data-dataset-id="${id}"]`);
        const shown = (stat: string) => row.locator(`[data-stat="${stat}"]`).innerText();
        const { fleiss, nFaces, nRaters } = kappa.get(id)!;
        assertShows(await shown('kappa'), fleiss.value, `${id} κ`);
        assertShows(await shown('kappa-ci-low'), fleiss.ciLow, `${id} CI low`);
        assertShows(await shown('kappa-ci-high'), fleiss.ciHigh, `${id} CI high`);
        assertShows(await shown('n-faces'), nFaces, `${id} n faces`);
        assertShows(await shown('n-models'), nRaters, `${id} n models`);
        assert.equal(nFaces, 21);
      }
      assert.equal(await page.locator('svg.kappa-chart [data-chart-dataset]').count(), 2, 'the chart has a mark per dataset');
    });

    const matrix = page.locator('table.accuracy-matrix');
    const shownOrder = () => matrix.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model-id')));
    await step('the models × datasets table shows every accuracy with its n, as the leaderboards do', async () => {
      assert.equal(await matrix.locator('tbody tr').count(), ZOO.length + COPIES.length);
      for (const [datasetId, entries] of truth)
        for (const e of entries) {
          const cell = matrix.locator(`tr[data-model-id="${e.model.id}"] td[data-dataset-id="${datasetId}"]`);
          assertShows(await cell.locator('[data-stat="accuracy"]').innerText(), e.accuracy, `${e.model.id} on ${datasetId}`);
          assertShows(await cell.locator('[data-stat="n"]').innerText(), e.n, `${e.model.id} n on ${datasetId}`);
        }
      // The copies ran on the first dataset only.
      assert.equal(await matrix.locator(`tr[data-model-id="copy-a"] td[data-dataset-id="${SECOND}"]`).innerText(), 'not run');
    });

    await step('its headers sort it in the browser, and aria-sort says how', async () => {
      const first = truth.get(FIRST)!;
      const byAccuracy = (sign: number) => [...first].sort((a, b) => sign * (a.accuracy - b.accuracy) || a.model.id.localeCompare(b.model.id)).map((e) => e.model.id);
      const firstHeader = matrix.locator('thead th').nth(1);
      assert.equal(await firstHeader.getAttribute('aria-sort'), 'descending');
      assert.deepEqual(await shownOrder(), byAccuracy(-1));
      await matrix.getByRole('button', { name: /^Model/ }).click();
      assert.equal(await matrix.locator('thead th').first().getAttribute('aria-sort'), 'ascending');
      assert.equal(await firstHeader.getAttribute('aria-sort'), 'none');
      assert.deepEqual(await shownOrder(), [...first].sort((a, b) => a.model.name.localeCompare(b.model.name)).map((e) => e.model.id));
      await firstHeader.getByRole('button').click();
      await firstHeader.getByRole('button').click();
      assert.equal(await firstHeader.getAttribute('aria-sort'), 'ascending');
      assert.deepEqual(await shownOrder(), byAccuracy(1));
    });

    await step('at 1,400 px the κ heatmap of 8 models gets the width it needs: nothing cut, no scrolling', async () => {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(`${web.url}datasets/${FIRST}/pairwise`);
      const box = page.locator('.table-scroll:has(table.heatmap)');
      await box.waitFor();
      await screenshot(page, 'front-heatmap-1400');
      const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      assert.ok(clientWidth > 960, `the heatmap is wider than the 60rem text column (${clientWidth} px)`);
      assert.ok(scrollWidth <= clientWidth, `the heatmap is not cut: ${scrollWidth} px of content in ${clientWidth} px`);
    });

    await step('at 390 px the front page is readable: no sideways page scroll, wide tables scroll in their own box', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(web.url);
      await matrix.waitFor();
      await screenshot(page, 'front-page-390');
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(pageWidth <= 390, `the page is ${pageWidth} px wide at 390 px`);
      for (const box of await page.locator('.table-scroll').all()) {
        const rect = await box.boundingBox();
        assert.ok(rect !== null && rect.x >= 0 && rect.x + rect.width <= 390, `a table box stays inside the screen: ${JSON.stringify(rect)}`);
      }
      const fontSize = await page.locator('#front-kappa-table td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(fontSize >= 12, `table text is ${fontSize} px`);
    });

    await step('a private dataset’s faces are placeholders in the dashboard, and its image bytes are refused', async () => {
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${web.url}datasets/${SECOND}/explore`);
      const grid = page.locator('ul.face-grid');
      await grid.waitFor();
      const cards = await grid.locator('li.face-card').count();
      assert.ok(cards > 0);
      assert.equal(await grid.locator('[data-private-image]').count(), cards, 'every face is a placeholder');
      assert.equal(await grid.locator('img').count(), 0, 'no image is requested');
      await screenshot(page, 'private-images-placeholders');
      const id = await grid.locator('li.face-card').first().getAttribute('data-image-id');
      const refused = await fetch(`${web.url}images/${id}/file`);
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { error: { reason: string } }).error.reason, 'IMAGE_PRIVATE');

      await page.goto(`${web.url}datasets/${FIRST}/explore`);
      await grid.waitFor();
      assert.equal(await grid.locator('[data-private-image]').count(), 0, 'the public dataset shows its faces');
      assert.ok((await grid.locator('img').count()) > 0);
    });
  } finally {
    await cleanup.run();
  }
});
