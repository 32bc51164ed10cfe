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
const PHONE = { width: 390, height: 844 };

interface Kappa {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

interface Truth {
  robustness: {
    perturbations: { perturbation: string; nFaces: number; kappa: Kappa; kappaClean: Kappa; deltaKappa: Kappa; models: { modelId: string; flips: { value: number | null } }[] }[];
  };
}

interface FaceTruth {
  image: {
    underPerturbation: { perturbation: string | null; votes: { model: { id: string }; label: string | null; probability: number | null; changed: boolean | null }[] }[];
  };
}

const statistic = (v: number | null) => (v === null ? '—' : v.toFixed(3).replace('-', '−'));
const signed = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`);

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
    const truth = await queryApi<Truth>(
      api.baseUrl,
      'query ($id: ID!) { robustness(dataset: $id) { perturbations { perturbation nFaces kappa { ...K } kappaClean { ...K } deltaKappa { ...K } models { modelId flips { value } } } } } fragment K on KappaValue { value ciLow ciHigh }',
      { id: DATASET_ID },
    );
    // A face where some model's vote changes under a perturbation, if there is one (else any perturbed face).
    const { rows: faces } = await pool.pool.query<{ id: string }>(
      `SELECT pp.image_id::text AS id FROM perturbed_predictions pp JOIN predictions p USING (model_id, image_id)
        GROUP BY pp.image_id ORDER BY bool_or(pp.error IS NULL AND pp.label <> p.label) DESC, pp.image_id LIMIT 1`,
    );
    const faceId = faces[0]!.id;
    const face = await queryApi<FaceTruth>(
      api.baseUrl,
      'query ($id: ID!) { image(id: $id) { underPerturbation { perturbation votes { model { id } label probability changed } } } }',
      { id: faceId },
    );
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
        assert.equal(await row.locator('[data-stat="kappa"]').innerText(), statistic(p.kappa.value));
        for (const [stat, k, format] of [['kappa-clean', p.kappaClean, statistic], ['kappa', p.kappa, statistic], ['delta-kappa', p.deltaKappa, signed]] as const) {
          assert.equal(await row.locator(`[data-stat="${stat}"]`).innerText(), format(k.value), `${p.perturbation} ${stat}`);
          if (k.ciLow === null || k.ciHigh === null) continue;
          assert.equal(await row.locator(`[data-stat="${stat}-ci-low"]`).innerText(), format(k.ciLow), `${p.perturbation} ${stat} CI low`);
          assert.equal(await row.locator(`[data-stat="${stat}-ci-high"]`).innerText(), format(k.ciHigh), `${p.perturbation} ${stat} CI high`);
        }
        for (const m of p.models) {
          const flips = await row.locator(`td[data-model="${m.modelId}"] [data-stat="flips"]`).innerText();
          assert.equal(flips, m.flips.value === null ? '—' : `${(m.flips.value * 100).toFixed(1)} %`, `${p.perturbation} ${m.modelId}`);
        }
      }
      const identity = page.locator('tr[data-perturbation="blur(sigma=0)"]');
      assert.equal(await identity.locator('[data-stat="kappa"]').innerText(), await identity.locator('[data-stat="kappa-clean"]').innerText());
      assert.deepEqual(await identity.locator('[data-stat="flips"]').allInnerTexts(), ['0.0 %', '0.0 %']);
      assert.deepEqual(
        [await identity.locator('[data-stat="delta-kappa"]').innerText(), await identity.locator('[data-stat="delta-kappa-ci-low"]').innerText(), await identity.locator('[data-stat="delta-kappa-ci-high"]').innerText()],
        ['+0.000', '+0.000', '+0.000'],
        'the identity: Δκ and its paired CI are 0',
      );
    });

    await step('the face page shows the face under each perturbation, each model’s vote on it as the API gives it, and the changed ones marked', async () => {
      await page.goto(`${web.url}images/${faceId}`);
      const section = page.getByRole('region', { name: 'Under perturbation' });
      await section.waitFor();
      const columns = section.locator('li.perturbation-column');
      const expected = face.image.underPerturbation;
      assert.deepEqual(await columns.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-perturbation'))), expected.map((c) => c.perturbation ?? 'clean'));
      assert.equal(expected[0]?.perturbation, null, 'clean first');
      for (const c of expected) {
        const column = section.locator(`li.perturbation-column[data-perturbation="${c.perturbation ?? 'clean'}"]`);
        assert.deepEqual(await column.locator('li[data-model]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-model'))), c.votes.map((v) => v.model.id));
        for (const v of c.votes) {
          const vote = column.locator(`li[data-model="${v.model.id}"]`);
          if (v.label === null) {
            assert.equal(await vote.locator('[data-stat="error"]').innerText(), 'failed');
            continue;
          }
          assert.equal(await vote.locator('[data-stat="label"]').innerText(), v.label, `${c.perturbation} ${v.model.id}`);
          assert.equal(await vote.locator('[data-stat="probability"]').innerText(), v.probability!.toFixed(2));
          assert.equal(await vote.getAttribute('data-changed'), v.changed ? 'true' : null, `${c.perturbation} ${v.model.id}: changed`);
          assert.equal((await vote.innerText()).includes('≠ clean'), v.changed === true);
        }
        // The image is the API's rendering of the face under the perturbation, through the dashboard's proxy.
        const img = column.locator('img');
        const src = await img.getAttribute('src');
        assert.equal(src, c.perturbation === null ? `/images/${faceId}/file` : `/images/${faceId}/perturbed/${encodeURIComponent(c.perturbation)}`);
        if (c.votes.some((v) => v.label !== null)) {
          const served = await page.request.get(`${web.url}${src!.slice(1)}`);
          assert.equal(served.status(), 200, src!);
          assert.match(served.headers()['content-type'] ?? '', /^image\//);
          await img.scrollIntoViewIfNeeded();
          await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
        }
      }
      assert.ok(expected.some((c) => c.votes.some((v) => v.changed === true)), 'the face chosen has a changed vote, so the marking was seen');
      await screenshot(page, 'face-under-perturbation');
    });

    await step('on a phone the page does not scroll sideways; the row of perturbed faces does', async () => {
      await page.setViewportSize(PHONE);
      await page.goto(`${web.url}images/${faceId}`);
      const row = page.locator('ul.perturbation-row');
      await row.waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the face page is ${overflow}px wider than a 390px phone`);
      assert.ok(await row.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto'), 'the row scrolls sideways');
      await screenshot(page, 'face-under-perturbation-phone');
    });
  } finally {
    await cleanup.run();
  }
});
