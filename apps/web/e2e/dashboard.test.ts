import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, freePort } from '@ferbench/testkit';
import { EMOTIONS } from '@ferbench/shared';
import type { Page } from 'playwright-core';
import { queryApi } from './support/api-client.js';
import { screenshot } from './support/browser.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { Cleanup } from './support/cleanup.js';
import { type Face, type FaceCounts, type ModelScore, faceCounts, faceWithVotes, facesRatedByAll, modelScores, withClient } from './support/database-truth.js';
import { startDashboard } from './support/next-server.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';

const MODEL_IDS = ['mini-xception-119', 'mobilefacenet-int8'];
const DATASET_ID = 'rafdb-e2e';
const FACES_PER_LABEL = 8;

interface ApiEstimate {
  value: number | null;
  se: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
}

interface ApiLeaderboard {
  leaderboard: { entries: { model: { id: string; name: string; sha256: string }; n: number; accuracy: number | null; macroF1: number | null }[] };
  agreement: {
    nFaces: number;
    nRaters: number;
    fleissKappa: number | null;
    interpretation: string | null;
    fleiss: ApiEstimate & { perCategory: { label: string; value: number | null }[] };
    krippendorffAlpha: ApiEstimate;
    gwetAc1: ApiEstimate;
    percentAgreement: ApiEstimate;
  };
  dataset: { name: string; dataSha256: string };
}

const ESTIMATE = 'value se n ciLow ciHigh';
const LEADERBOARD_QUERY = `query ($id: ID!) {
  leaderboard(dataset: $id) { entries { model { id name sha256 } n accuracy macroF1 } }
  agreement(dataset: $id) {
    nFaces nRaters fleissKappa interpretation
    fleiss { ${ESTIMATE} perCategory { label value } }
    krippendorffAlpha { ${ESTIMATE} } gwetAc1 { ${ESTIMATE} } percentAgreement { ${ESTIMATE} }
  }
  dataset(id: $id) { name dataSha256 }
}`;

test('the dashboard shows real runs: leaderboard with every model, agreement, and every vote on a face', { timeout: 240_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  if (rafdb === undefined) return;
  const modelsDir = fixture(t, 'models');
  if (modelsDir === undefined) return;

  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_e2e', facesPerLabel: FACES_PER_LABEL });
    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work);
    // Each step is a subtest; a failing one leaves a screenshot and the dashboard's log in its message.
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });

    await step('before any import, the datasets page says how to get data', async () => {
      await page.goto(web.url);
      const notice = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'No datasets yet' }) });
      await notice.waitFor();
      assert.match(await notice.innerText(), /ferbench dataset import/);
      await screenshot(page, 'datasets-empty');
    });

    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: MODEL_IDS });
    const truth = await withClient(databaseUrl, async (client) => ({
      scores: await modelScores(client, DATASET_ID),
      nFaces: await facesRatedByAll(client, DATASET_ID, MODEL_IDS.length),
      counts: await faceCounts(client, DATASET_ID, MODEL_IDS.length),
      face: await faceWithVotes(client, DATASET_ID, MODEL_IDS.length),
    }));
    assert.deepEqual(truth.scores.map((s) => s.modelId).sort(), [...MODEL_IDS].sort(), 'both models have predictions in the database');
    const fromApi = await queryApi<ApiLeaderboard>(api.baseUrl, LEADERBOARD_QUERY, { id: DATASET_ID });

    await step('the front page links to the leaderboard', async () => {
      await page.goto(web.url);
      // The dataset's card (the κ table above it links there too).
      const link = page.locator('.card-list').getByRole('link', { name: fromApi.dataset.name, exact: true });
      await link.waitFor();
      await screenshot(page, 'datasets');
      await link.click();
      await page.waitForURL(`**/datasets/${DATASET_ID}`);
    });

    await step('the leaderboard shows both models with the accuracy the rows give, and κ with its n', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      await checkLeaderboard(page, fromApi, truth.scores, truth.nFaces);
    });

    await step('the agreement section shows κ with SE and CI, α, AC1 and percent agreement with n and CI, and κ per label', async () => {
      await checkAgreementStatistics(page, fromApi, truth.counts);
      await screenshot(page, 'leaderboard');
    });

    await step('the face page shows every model’s vote with its probability, and the face', async () => {
      await checkFace(page, web.url, truth.face);
      await screenshot(page, 'face');
    });

    await step('both pages read on a phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      await page.getByRole('table', { name: /Leaderboard/ }).waitFor();
      await screenshot(page, 'leaderboard-phone');
      await page.goto(`${web.url}images/${truth.face.id}`);
      await page.getByRole('table', { name: 'Model votes' }).waitFor();
      await screenshot(page, 'face-phone');
    });

    await step('with the API unreachable, pages say where they looked', async () => {
      const deadApi = `http://127.0.0.1:${await freePort()}`;
      const orphan = await startDashboard(deadApi);
      try {
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.goto(`${orphan.url}datasets/${DATASET_ID}`);
        // Filtered: Next's own route announcer is an (empty) alert too.
        const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not load the dataset' }) });
        await alert.waitFor();
        assert.match(await alert.innerText(), new RegExp(`Could not load the dataset[\\s\\S]*${escapeRegExp(deadApi)}`));
        await screenshot(page, 'api-unreachable');
      } finally {
        await orphan.stop();
      }
    });
  } finally {
    await cleanup.run();
  }
});

async function checkLeaderboard(page: Page, api: ApiLeaderboard, scores: ModelScore[], nFaces: number): Promise<void> {
  const table = page.getByRole('table', { name: /Leaderboard/ });
  await table.waitFor();
  assert.equal(await table.locator('tbody tr').count(), MODEL_IDS.length, 'one row per model');
  for (const score of scores) {
    const entry = api.leaderboard.entries.find((e) => e.model.id === score.modelId);
    assert.ok(entry, `the API's leaderboard lists ${score.modelId}`);
    assert.equal(entry.n, score.n, `${score.modelId}: the API's n equals the database's`);
    assert.ok(entry.accuracy !== null && Math.abs(entry.accuracy - score.accuracy) < 1e-9, `${score.modelId}: the API's accuracy ${entry.accuracy} equals the rows' ${score.accuracy}`);

    const row = table.locator(`tr[data-model-id="${score.modelId}"]`);
    assert.match(await row.getByRole('rowheader').innerText(), new RegExp(escapeRegExp(entry.model.name)));
    assertShows(await row.locator('[data-stat="accuracy"]').innerText(), score.accuracy, `${score.modelId} accuracy`);
    assertShows(await row.locator('[data-stat="n"]').innerText(), score.n, `${score.modelId} n`);
    assert.ok(entry.macroF1 !== null, `${score.modelId}: macro-F1 is defined`);
    assertShows(await row.locator('[data-stat="macro-f1"]').innerText(), entry.macroF1, `${score.modelId} macro-F1`);
    assert.equal(await row.locator('[data-full]').getAttribute('data-full'), entry.model.sha256, `${score.modelId}: the row carries the model's sha256`);
  }
  // Ranked as the API ranks: best accuracy first.
  const shownOrder = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model-id')));
  assert.deepEqual(shownOrder, api.leaderboard.entries.map((e) => e.model.id));

  assert.equal(api.agreement.nRaters, MODEL_IDS.length);
  assert.equal(api.agreement.nFaces, nFaces, "the API's nFaces equals the faces both models rated");
  assert.ok(api.agreement.fleissKappa !== null, 'κ is defined for two models on real faces');
  assertShows(await page.locator('[data-stat="fleiss-kappa"]').innerText(), api.agreement.fleissKappa, "Fleiss' κ");
  assert.equal(await page.locator('[data-stat="interpretation"]').innerText(), api.agreement.interpretation);
  assertShows(await page.locator('[data-stat="n-faces"]').innerText(), nFaces, 'faces behind κ');
  assertShows(await page.locator('[data-stat="n-raters"]').innerText(), MODEL_IDS.length, 'raters behind κ');
  assert.ok(await page.locator(`[data-full="${api.dataset.dataSha256}"]`).first().isVisible(), 'the data hash is shown');
}

async function checkAgreementStatistics(page: Page, api: ApiLeaderboard, counts: FaceCounts): Promise<void> {
  const { fleiss, krippendorffAlpha, gwetAc1, percentAgreement } = api.agreement;
  // The API's n of each statistic are the faces the rows give it; percent agreement is the rows' share.
  assert.deepEqual(
    [fleiss.n, percentAgreement.n, krippendorffAlpha.n, gwetAc1.n],
    [counts.complete, counts.complete, counts.paired, counts.rated],
    'each statistic uses the faces it should',
  );
  assert.ok(percentAgreement.value !== null && Math.abs(percentAgreement.value - counts.allAgree / counts.complete) < 1e-12);

  assert.ok(fleiss.se !== null && fleiss.ciLow !== null && fleiss.ciHigh !== null, 'κ has an SE and a CI');
  assertShows(await page.locator('[data-stat="fleiss-kappa-se"]').innerText(), fleiss.se, "κ's SE");
  assertShows(await page.locator('[data-stat="fleiss-kappa-ci-low"]').innerText(), fleiss.ciLow, "κ's CI low");
  assertShows(await page.locator('[data-stat="fleiss-kappa-ci-high"]').innerText(), fleiss.ciHigh, "κ's CI high");

  const table = page.getByRole('table', { name: 'Agreement statistics' });
  const rows: [string, ApiEstimate][] = [
    ['fleiss-kappa', fleiss],
    ['krippendorff-alpha', krippendorffAlpha],
    ['gwet-ac1', gwetAc1],
    ['percent-agreement', percentAgreement],
  ];
  for (const [id, estimate] of rows) {
    const row = table.locator(`tr[data-statistic="${id}"]`);
    assert.ok(estimate.value !== null && estimate.ciLow !== null && estimate.ciHigh !== null, `${id} is defined with a CI`);
    assert.ok(estimate.ciLow <= estimate.value && estimate.value <= estimate.ciHigh, `${id}: the CI holds the value`);
    assertShows(await row.locator('[data-stat="value"]').innerText(), estimate.value, id);
    assertShows(await row.locator('[data-stat="ci-low"]').innerText(), estimate.ciLow, `${id} CI low`);
    assertShows(await row.locator('[data-stat="ci-high"]').innerText(), estimate.ciHigh, `${id} CI high`);
    assertShows(await row.locator('[data-stat="n"]').innerText(), estimate.n, `${id} n`);
    const se = await row.locator('[data-stat="se"]').innerText();
    if (estimate.se === null) assert.equal(se, '—', `${id} has no SE`);
    else assertShows(se, estimate.se, `${id} SE`);
  }

  const perLabel = page.getByRole('table', { name: 'Fleiss κ per label' });
  assert.equal(await perLabel.locator('tbody tr').count(), fleiss.perCategory.length);
  for (const category of fleiss.perCategory) {
    const shown = await perLabel.locator(`tr[data-label="${category.label}"] [data-stat="kappa"]`).innerText();
    if (category.value === null) assert.equal(shown, '—', `κ of ${category.label}`);
    else assertShows(shown, category.value, `κ of ${category.label}`);
  }
}

async function checkFace(page: Page, webUrl: string, face: Face): Promise<void> {
  // The way in from the leaderboard when the API lists example faces; otherwise straight to the face's URL.
  const exampleLink = page.locator(`a[href="/images/${face.id}"]`);
  if ((await exampleLink.count()) > 0) await exampleLink.first().click();
  else await page.goto(`${webUrl}images/${face.id}`);

  const votes = page.getByRole('table', { name: 'Model votes' });
  await votes.waitFor();
  assert.equal(await votes.locator('tbody tr').count(), face.votes.length, 'one row per model');
  for (const vote of face.votes) {
    const row = votes.locator(`tr[data-model-id="${vote.modelId}"]`);
    assert.equal(await row.locator('[data-stat="vote"]').innerText(), vote.label, `${vote.modelId}'s vote`);
    assertShows(await row.locator('[data-stat="probability"]').innerText(), vote.probability, `${vote.modelId}'s probability`);
  }
  assert.equal(await page.locator('[data-stat="gold-label"]').innerText(), face.goldLabel ?? 'none');

  // Majority, vote entropy and P_i, from the face's votes by their definitions.
  const tally = new Map<string, number>();
  for (const vote of face.votes) tally.set(vote.label, (tally.get(vote.label) ?? 0) + 1);
  const top = Math.max(...tally.values());
  const leaders = EMOTIONS.filter((e) => tally.get(e) === top);
  const r = face.votes.length;
  const entropy = -[...tally.values()].reduce((sum, n) => sum + (n / r) * Math.log2(n / r), 0);
  const pI = [...tally.values()].reduce((sum, n) => sum + n * (n - 1), 0) / (r * (r - 1));
  assert.equal(await page.locator('[data-stat="majority"] .emotion').innerText(), leaders[0]);
  assert.equal(await page.locator('[data-stat="tied-labels"]').count(), leaders.length > 1 ? 1 : 0, 'a tie is shown as one');
  if (leaders.length > 1) assert.match(await page.locator('[data-stat="tied-labels"]').innerText(), new RegExp(leaders.slice(1).join(', ')));
  assertShows(await page.locator('[data-stat="entropy-bits"]').innerText(), entropy, 'vote entropy');
  assertShows(await page.locator('[data-stat="p-i"]').innerText(), pI, 'P_i');

  const image = page.getByRole('img', { name: /^Face / });
  await image.waitFor();
  await page.waitForFunction((el) => (el as HTMLImageElement | null)?.complete ?? false, await image.elementHandle());
  const width = await image.evaluate((el) => (el as HTMLImageElement).naturalWidth);
  assert.ok(width > 0, 'the face image loaded (through the dashboard from the API)');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
