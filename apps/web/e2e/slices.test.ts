import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { startWebStack } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';

const MODEL_IDS = ['mini-xception-119', 'mobilefacenet-int8-aligned'];

interface Interval {
  value: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
}
interface Gap {
  value: number;
  highGroup: string;
  lowGroup: string;
}
interface ApiAnswer {
  slices: {
    groups: { group: string; images: number; accuracies: { model: { id: string }; n: number; accuracy: number; ciLow: number; ciHigh: number }[]; fleiss: Interval }[];
    accuracyGaps: { model: { id: string }; gap: Gap }[];
    kappaGap: Gap;
  };
  ratingCorrelation: { ratedFaces: number; models: { model: { id: string }; pooled: Interval; emotions: { emotion: string; spearman: Interval }[] }[] };
}

const INTERVAL = 'value n ciLow ciHigh';
const QUERY = `query ($id: ID!) {
  slices(dataset: $id, attribute: "subject") {
    groups { group images accuracies { model { id } n accuracy ciLow ciHigh } fleiss { ${INTERVAL} } }
    accuracyGaps { model { id } gap { value highGroup lowGroup } }
    kappaGap { value highGroup lowGroup }
  }
  ratingCorrelation(dataset: $id) { ratedFaces models { model { id } pooled { ${INTERVAL} } emotions { emotion spearman { ${INTERVAL} } } } }
}`;

/**
 * JAFFE in a real browser: all 213 photos with their subjects and semantic ratings, both shipped models run on them
 * (the aligned one through YuNet). The dataset page shows ρ of probability vs people's ratings; its Slices link opens
 * the per-subject slice, whose table, gaps and chart show what the API answers (the API's own e2e tests check those
 * numbers against the stored rows).
 */
test('JAFFE: the dataset page shows ρ vs people’s ratings, and its slice page the per-subject accuracy, κ and gaps of the API', { timeout: 300_000 }, async (t) => {
  const jaffe = fixture(t, 'data', 'jaffe');
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (jaffe === undefined || modelsDir === undefined || detectorsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const db = await createTestDatabase('web_slices');
    cleanup.add('test database', () => db.drop());
    const runner = poolDatabase(db.url);
    try {
      await importDataset(runner.pool, { format: 'jaffe', root: jaffe });
      for (const file of shippedCardFiles()) {
        const card = await readModelCard(file);
        if (MODEL_IDS.includes(card.id)) await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
      }
      await runModels(runner.pool, { datasets: ['jaffe'], models: MODEL_IDS, modelsDir, detectorsDir, device: 'cpu', progress: false });
    } finally {
      await runner.close();
    }
    const { api, web, browser } = await startWebStack(cleanup, db.url, path.dirname(jaffe));
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });
    const truth = await queryApi<ApiAnswer>(api.baseUrl, QUERY, { id: 'jaffe' });

    await step('the JAFFE page shows each model’s Spearman ρ of probability vs mean rating, with CI and n, per emotion and pooled', async () => {
      await page.goto(`${web.url}datasets/jaffe`);
      await page.getByRole('table', { name: "Spearman's ρ of model probability vs mean human rating" }).waitFor();
      assertShows(await page.locator('[data-stat="rated-faces"]').innerText(), 213, 'rated faces');
      for (const m of truth.ratingCorrelation.models) {
        const tr = page.locator(`tr[data-model-id="${m.model.id}"]`).filter({ has: page.locator('[data-stat="rho-pooled"]') });
        for (const [stat, c] of [...m.emotions.map((e) => [`rho-${e.emotion}`, e.spearman] as const), ['rho-pooled', m.pooled] as const]) {
          const cell = tr.locator(`[data-stat="${stat}"]`);
          assertShows(await cell.locator('[data-stat="rho"]').innerText(), c.value!, `${m.model.id} ${stat}`);
          assertShows(await cell.locator('[data-stat="ci-low"]').innerText(), c.ciLow!, `${m.model.id} ${stat} CI low`);
          assertShows(await cell.locator('[data-stat="ci-high"]').innerText(), c.ciHigh!, `${m.model.id} ${stat} CI high`);
          assertShows(await cell.locator('[data-stat="n"]').innerText(), c.n, `${m.model.id} ${stat} n`);
        }
      }
      await screenshot(page, 'jaffe-ratings');
    });

    await step('the Slices link opens the per-subject slice: accuracy with CI and n per model, κ with CI and n, the gaps and a chart of κ', async () => {
      await page.getByRole('navigation', { name: 'Views of this dataset' }).getByRole('link', { name: 'Slices' }).click();
      await page.waitForURL('**/datasets/jaffe/slices');
      await page.getByRole('table', { name: "Accuracy and Fleiss' κ per subject" }).waitFor();
      await screenshot(page, 'jaffe-slices');
      const s = truth.slices;
      assert.equal(s.groups.length, 10);
      for (const g of s.groups) {
        const tr = page.locator(`tr[data-group="${g.group}"]`);
        assertShows(await tr.locator('[data-stat="images"]').innerText(), g.images, `${g.group} images`);
        for (const a of g.accuracies) {
          const cell = tr.locator(`td[data-model-id="${a.model.id}"]`);
          assertShows(await cell.locator('[data-stat="accuracy"]').innerText(), a.accuracy, `${g.group} ${a.model.id} accuracy`);
          assertShows(await cell.locator('[data-stat="ci-low"]').innerText(), a.ciLow, `${g.group} ${a.model.id} CI low`);
          assertShows(await cell.locator('[data-stat="ci-high"]').innerText(), a.ciHigh, `${g.group} ${a.model.id} CI high`);
          assertShows(await cell.locator('[data-stat="n"]').innerText(), a.n, `${g.group} ${a.model.id} n`);
        }
        assertShows(await tr.locator('[data-stat="kappa"]').innerText(), g.fleiss.value!, `${g.group} κ`);
        assertShows(await tr.locator('[data-stat="kappa-ci-low"]').innerText(), g.fleiss.ciLow!, `${g.group} κ CI low`);
        assertShows(await tr.locator('[data-stat="kappa-ci-high"]').innerText(), g.fleiss.ciHigh!, `${g.group} κ CI high`);
        assertShows(await tr.locator('[data-stat="kappa-n"]').innerText(), g.fleiss.n, `${g.group} κ n`);
      }
      const kappaGap = page.locator('[data-gap="kappa"]');
      assertShows(await kappaGap.locator('[data-stat="gap"]').innerText(), s.kappaGap.value, 'κ gap');
      assert.deepEqual([await kappaGap.locator('[data-stat="high"]').innerText(), await kappaGap.locator('[data-stat="low"]').innerText()], [s.kappaGap.highGroup, s.kappaGap.lowGroup]);
      for (const g of s.accuracyGaps) {
        const line = page.locator(`[data-gap="accuracy"][data-model-id="${g.model.id}"]`);
        const shown = (await line.locator('[data-stat="gap"]').innerText()).replace(' pp', '');
        assertShows(shown, g.gap.value * 100, `${g.model.id} accuracy gap (percentage points)`);
        assert.equal(await line.locator('[data-stat="low"]').innerText(), g.gap.lowGroup);
      }
      // The chart has one dot per group at its κ, and points screen readers to the table.
      const dots = await page.locator('svg[data-chart="slice-kappa"] circle[data-value]').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-value'))));
      assert.deepEqual(dots, s.groups.map((g) => g.fleiss.value));
      assert.equal(await page.locator('svg[data-chart="slice-kappa"]').getAttribute('aria-describedby'), 'slices-table');
    });

    await step('the JAFFE page and its slice page read on a 390 px phone (no sideways scrolling)', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [name, url] of [['dataset', 'datasets/jaffe'], ['slices', 'datasets/jaffe/slices?attribute=subject']] as const) {
        await page.goto(`${web.url}${url}`);
        await page.locator('h1').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than a 390px phone`);
        await screenshot(page, `jaffe-phone-${name}`);
      }
    });
  } finally {
    await cleanup.run();
  }
});
