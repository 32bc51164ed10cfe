import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';

const ZOO = ['mini-xception-119', 'mobilefacenet-int8'];
const DATASET_ID = 'rafdb-trust';

interface Calibration {
  model: { id: string };
  n: number;
  ece: number;
  brier: number;
  aurc: number;
  selective: { threshold: number; coverage: number; accuracy: number | null };
  reliability: { lower: number; n: number; confidence: number | null; accuracy: number | null }[];
}

interface Gated {
  models: { id: string }[];
  points: { threshold: number; nFaces: number; coverage: number; kappa: number | null }[];
}

const TRUTH = `query ($id: ID!) {
  calibration(dataset: $id) { model { id } n ece brier aurc selective { threshold coverage accuracy } reliability { lower n confidence accuracy } }
  gatedAgreement(dataset: $id) { models { id } points { threshold nFaces coverage kappa } }
  leaderboard(dataset: $id) { entries { model { id ensemble { members } } accuracy } }
}`;

test('what to trust: the model page plots the calibration the API computes, the trust page κ against τ, the leaderboard the ensembles', { timeout: 300_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  if (rafdb === undefined || modelsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_trust', facesPerLabel: 6 });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: ZOO, ensembles: true });
    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work);
    const truth = await queryApi<{ calibration: Calibration[]; gatedAgreement: Gated; leaderboard: { entries: { model: { id: string; ensemble: { members: string[] } | null } }[] } }>(
      api.baseUrl,
      TRUTH,
      { id: DATASET_ID },
    );
    assert.deepEqual(truth.calibration.map((c) => c.model.id), [...ZOO, 'zoo-mean', 'zoo-vote'], 'every zoo model and both built-in ensembles are scored');
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });

    for (const model of [ZOO[0]!, 'zoo-mean']) {
      const c = truth.calibration.find((x) => x.model.id === model)!;
      await step(`the ${model} page shows ECE, Brier, AURC and accuracy/coverage at 0.7, and plots the API's reliability bins`, async () => {
        await page.goto(`${web.url}datasets/${DATASET_ID}/models/${model}`);
        const section = page.locator('section.calibration');
        await section.getByRole('heading', { name: 'Can its confidence be believed?' }).waitFor();
        await screenshot(page, `calibration-${model}`);
        const shown = (stat: string) => section.locator(`[data-stat="${stat}"]`).innerText();
        assertShows(await shown('ece'), c.ece, `${model} ECE`);
        assertShows(await shown('brier'), c.brier, `${model} Brier`);
        assertShows(await shown('aurc'), c.aurc, `${model} AURC`);
        assertShows(await shown('calibration-n'), c.n, `${model} n`);
        assert.equal(c.selective.threshold, 0.7);
        assertShows(await shown('selective-coverage'), c.selective.coverage, `${model} coverage at 0.7`);
        if (c.selective.accuracy !== null) assertShows(await shown('selective-accuracy'), c.selective.accuracy, `${model} accuracy at 0.7`);
        // The plotted bars carry the values they are drawn from: exactly the API's non-empty bins.
        const bars = await section.locator('svg[data-chart="reliability"] [data-bin-lower]').evaluateAll((els) =>
          els.map((e) => ({ lower: Number(e.getAttribute('data-bin-lower')), accuracy: Number(e.getAttribute('data-accuracy')), n: Number(e.getAttribute('data-n')), height: Number(e.getAttribute('height')) })),
        );
        const filled = c.reliability.filter((b) => b.n > 0);
        assert.deepEqual(bars.map((b) => [b.lower, b.accuracy, b.n]), filled.map((b) => [b.lower, b.accuracy, b.n]));
        const tallest = bars.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
        for (const b of bars) assert.ok(Math.abs(b.height / tallest.height - b.accuracy / tallest.accuracy) < 1e-6, 'bar heights are proportional to accuracy');
        const table = page.getByRole('table', { name: `Reliability bins of ${model}` });
        assert.equal(await table.locator('tbody tr').count(), c.reliability.length, 'a row per bin, empty ones too');
        for (const b of filled) assertShows(await table.locator(`tr[data-bin-lower="${b.lower}"] [data-stat="bin-accuracy"]`).textContent() ?? '', b.accuracy!, `bin ${b.lower} accuracy`);
      });
    }

    await step('the trust page plots κ against τ as the API computes it, and a risk–coverage curve per model', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      await page.getByRole('link', { name: 'What to trust' }).first().click();
      await page.waitForURL(`**/datasets/${DATASET_ID}/trust`);
      const section = page.locator('section.trust');
      await section.getByRole('heading', { name: 'What to trust: confidence gating' }).waitFor();
      await screenshot(page, 'trust');
      const dots = await section.locator('svg[data-chart="gated-kappa"] circle[data-threshold]').evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-threshold')), Number(e.getAttribute('data-kappa')), Number(e.getAttribute('data-coverage'))]),
      );
      const defined = truth.gatedAgreement.points.filter((p) => p.kappa !== null);
      assert.ok(defined.length >= 5, `κ is defined at ${defined.length} thresholds`);
      assert.deepEqual(dots, defined.map((p) => [p.threshold, p.kappa, p.coverage]));
      assert.deepEqual(truth.gatedAgreement.models.map((m) => m.id), ZOO, 'ensembles are left out of κ among models');
      const rows = page.getByRole('table', { name: "Fleiss' κ against τ" }).locator('tbody tr');
      assert.equal(await rows.count(), truth.gatedAgreement.points.length);
      const half = truth.gatedAgreement.points.find((p) => p.threshold === 0.5)!;
      assertShows((await rows.locator('[data-stat="gated-n-faces"]').nth(truth.gatedAgreement.points.indexOf(half)).textContent()) ?? '', half.nFaces, 'faces kept at τ 0.5');
      const curves = await section.locator('svg[data-chart="risk-coverage"] path[data-model]').evaluateAll((els) => els.map((e) => e.getAttribute('data-model')));
      assert.deepEqual(curves, [...ZOO, 'zoo-mean', 'zoo-vote'], 'one risk–coverage curve per model on one plot');
    });

    await step('the dataset page marks the ensembles on the leaderboard and plots a forest row per entry', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      const board = page.getByRole('table', { name: /Leaderboard/ });
      for (const id of ['zoo-mean', 'zoo-vote']) assert.match(await board.locator(`tr[data-model-id="${id}"] [data-stat="ensemble-members"]`).innerText(), new RegExp(`of ${ZOO.join(', ')}`));
      const forest = await page.locator('svg[data-chart="forest"] g[data-stat="forest-accuracy"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-model-id')));
      assert.deepEqual(forest, truth.leaderboard.entries.map((e) => e.model.id), 'the forest plot has a row per leaderboard entry');
    });
  } finally {
    await cleanup.run();
  }
});
