import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { queryApi } from './support/api-client.js';
import { screenshot } from './support/browser.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { Cleanup } from './support/cleanup.js';
import { modelScores, withClient } from './support/database-truth.js';
import { type PairTruth, pairTruth } from './support/pair-truth.js';
import { startSeededDashboard } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';

const [MODEL_A, MODEL_B] = ['mini-xception-119', 'mobilefacenet-int8'] as const;
const DATASET_ID = 'rafdb-walk';
const FACES_PER_LABEL = 8;
const PHONE = { width: 390, height: 844 };

interface ApiPairs {
  compare: { nFaces: number; nDiffer: number; labelSet: string[]; kappa: { value: number; n: number }; mcnemar: { p: number; b: number; c: number } };
  pairwise: { pairs: { modelA: { id: string }; modelB: { id: string }; kappa: { value: number; n: number } }[] };
  confusion: { n: number; accuracy: number; matrix: number[][]; labelSet: string[] };
}

const PAIRS_QUERY = `query ($id: ID!, $a: ID!, $b: ID!) {
  compare(dataset: $id, modelA: $a, modelB: $b) { nFaces nDiffer labelSet kappa { value n } mcnemar { p b c } }
  pairwise(dataset: $id) { pairs { modelA { id } modelB { id } kappa { value n } } }
  confusion(dataset: $id, model: $a) { n accuracy matrix labelSet }
}`;

/**
 * The disagreement walk of issue 5 in a real browser on real RAF-DB faces and both shipped models: leaderboard →
 * explorer filtered to the faces where A and B disagree → one of them → compare A vs B → pairwise κ heatmap, then
 * the model page and every page at phone width. Shown numbers are checked against the API and against values worked
 * out here from the prediction rows (pair-truth.ts); screenshots of each step land in test-output/web/.
 */
test('walk: leaderboard → explorer (A and B disagree) → a face → compare A vs B → κ heatmap', { timeout: 240_000 }, async (t) => {
  const cleanup = new Cleanup();
  try {
    const seeded = await startSeededDashboard(t, cleanup, { name: 'web_walk', datasetId: DATASET_ID, modelIds: [MODEL_A, MODEL_B], facesPerLabel: FACES_PER_LABEL });
    if (seeded === undefined) return;
    const { web, browser, api, databaseUrl } = seeded;
    const [truth, scores] = await withClient(databaseUrl, async (client) => [await pairTruth(client, DATASET_ID, MODEL_A, MODEL_B), await modelScores(client, DATASET_ID)] as const);
    const fromApi = await queryApi<ApiPairs>(api.baseUrl, PAIRS_QUERY, { id: DATASET_ID, a: MODEL_A, b: MODEL_B });
    // The API agrees with the rows before the pages are asked to show it.
    assert.ok(truth.differ.length > 0, 'the two models disagree on some real faces');
    assert.equal(fromApi.compare.nDiffer, truth.differ.length, "compare's nDiffer is the faces whose restricted labels differ");
    assert.equal(fromApi.compare.nFaces, truth.nFaces);
    assert.deepEqual(fromApi.compare.labelSet, truth.labelSet);
    assert.ok(Math.abs(fromApi.compare.kappa.value - truth.kappa) < 1e-9, `compare κ ${fromApi.compare.kappa.value} equals the rows' ${truth.kappa}`);

    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log }, shotPrefix: 'walk-' });
    let faceId = '';

    await step('1. the leaderboard links each model to its page and offers the explorer, the heatmap and compare', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      const table = page.getByRole('table', { name: /Leaderboard/ });
      await table.waitFor();
      for (const model of [MODEL_A, MODEL_B])
        assert.equal(await table.locator(`tr[data-model-id="${model}"] th a`).getAttribute('href'), `/datasets/${DATASET_ID}/models/${model}`);
      const views = page.getByRole('navigation', { name: 'Views of this dataset' });
      assert.equal(await views.getByRole('link', { name: 'Leaderboard' }).getAttribute('aria-current'), 'page');
      for (const name of ['Disagreements', 'Pairwise κ', 'Compare two models']) assert.ok(await views.getByRole('link', { name }).isVisible(), name);
      assert.ok(await page.getByRole('form', { name: 'Choose two models to compare' }).isVisible(), 'a compare picker');
      await screenshot(page, 'walk-1-leaderboard');
      await views.getByRole('link', { name: 'Disagreements' }).click();
      await page.waitForURL(`**/datasets/${DATASET_ID}/explore`);
    });

    await step('2. the explorer filtered to "A and B disagree" shows exactly the faces where they differ', async () => {
      await page.getByRole('form', { name: 'Filter and order the faces' }).waitFor();
      assert.equal(await page.getByLabel('human vote entropy ≥ (bits)').count(), 0, 'no human-entropy filter on a dataset without crowd votes');
      await page.getByLabel('model A', { exact: true }).selectOption(MODEL_A);
      await page.getByLabel('model B', { exact: true }).selectOption(MODEL_B);
      await page.getByRole('button', { name: 'Show faces' }).click();
      await page.waitForURL((url) => url.searchParams.getAll('disagree').join(',') === `${MODEL_A},${MODEL_B}`);
      await checkExplorer(page, browser, truth);
      await screenshot(page, 'walk-2-explorer-disagree');
      const first = page.locator('.face-card').first();
      faceId = (await first.getAttribute('data-image-id')) ?? '';
      await first.getByRole('link').click();
      await page.waitForURL(`**/images/${faceId}`);
    });

    await step('3. the face shows both models’ votes (different) and every probability as bars', async () => {
      const votes = page.getByRole('table', { name: 'Model votes' });
      await votes.waitFor();
      const shown = await votes.locator('[data-stat="vote"]').allInnerTexts();
      assert.equal(shown.length, 2);
      for (const model of [MODEL_A, MODEL_B]) {
        const bars = page.locator(`figure[data-model-id="${model}"]`);
        assert.equal(await bars.locator('li').count(), 8, `${model}: a bar per canonical emotion`);
        const chosen = await bars.locator('li.chosen').getAttribute('data-label');
        assert.equal(chosen, await votes.locator(`tr[data-model-id="${model}"] [data-stat="vote"]`).innerText(), `${model}: the bold bar is its vote`);
        assert.equal(
          await bars.locator('li.chosen [data-stat="probability"]').innerText(),
          await votes.locator(`tr[data-model-id="${model}"] [data-stat="probability"]`).innerText(),
        );
      }
      assert.ok(await page.getByRole('list', { name: 'Colour of each emotion' }).isVisible(), 'a colour legend');
      await screenshot(page, 'walk-3-face');
    });

    await step('the face shows human votes where the dataset has them (RAF-DB has none, so some are stored for it)', async () => {
      assert.equal(await page.getByRole('table', { name: 'Human votes' }).count(), 0, 'no human votes, no table');
      // FER+-style crowd votes on this face, as the ferplus importer stores them: 7 × neutral, 2 × sadness, 1 × unknown.
      await withClient(databaseUrl, (client) => client.query(`INSERT INTO human_votes (image_id, label, votes) VALUES ($1, 0, 7), ($1, 2, 2), ($1, 8, 1)`, [faceId]));
      await page.reload();
      const table = page.getByRole('table', { name: 'Human votes' });
      await table.waitFor();
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-category'), tr.querySelector('[data-stat="votes"]')?.textContent]),
      );
      assert.deepEqual(rows, [
        ['neutral', '7'], ['happiness', '0'], ['sadness', '2'], ['surprise', '0'], ['fear', '0'], ['disgust', '0'], ['anger', '0'], ['contempt', '0'],
        ['unknown', '1'], ['not-a-face', '0'],
      ]);
      assert.match(await page.locator('#human-votes-note').innerText(), /n = 10 votes/);
      await screenshot(page, 'walk-3-face-human-votes');
    });

    await step('4. compare A vs B shows accuracies, κ, McNemar and the faces where they differ', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      const picker = page.getByRole('form', { name: 'Choose two models to compare' });
      await picker.getByLabel('Model A', { exact: true }).selectOption(MODEL_A);
      await picker.getByLabel('Model B', { exact: true }).selectOption(MODEL_B);
      await picker.getByRole('button', { name: 'Compare' }).click();
      await page.waitForURL(`**/datasets/${DATASET_ID}/compare?a=${MODEL_A}&b=${MODEL_B}`);
      await checkCompare(page, truth, fromApi);
      await screenshot(page, 'walk-4-compare');
    });

    await step('5. the heatmap cell of A and B is their pairwise κ and links back to compare', async () => {
      await page.getByRole('navigation', { name: 'Views of this dataset' }).getByRole('link', { name: 'Pairwise κ' }).click();
      await page.waitForURL(`**/datasets/${DATASET_ID}/pairwise`);
      const heatmap = page.getByRole('table', { name: 'Cohen κ heatmap' });
      await heatmap.waitFor();
      const pair = fromApi.pairwise.pairs.find((p) => [p.modelA.id, p.modelB.id].sort().join() === [MODEL_A, MODEL_B].sort().join());
      assert.ok(pair, 'pairwise has the pair');
      assert.ok(Math.abs(pair.kappa.value - truth.kappa) < 1e-9, 'pairwise κ equals the rows');
      for (const [row, column] of [
        [MODEL_A, MODEL_B],
        [MODEL_B, MODEL_A],
      ]) {
        const cell = heatmap.locator(`td[data-pair="${row}|${column}"]`);
        assertShows(await cell.locator('[data-stat="kappa"]').innerText(), pair.kappa.value, `heatmap ${row} × ${column}`);
        assert.equal(await cell.getByRole('link').getAttribute('href'), `/datasets/${DATASET_ID}/compare?a=${row}&b=${column}`);
      }
      const listed = page.getByRole('table', { name: 'Cohen κ of each pair' }).locator(`tr[data-pair="${pair.modelA.id}|${pair.modelB.id}"]`);
      assertShows(await listed.locator('[data-stat="n"]').innerText(), pair.kappa.n, 'pair n');
      assert.equal(pair.kappa.n, truth.nFaces);
      await screenshot(page, 'walk-5-heatmap');
    });

    await step('the model page shows the confusion matrix and per-label F1 of model A', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      await page.getByRole('table', { name: /Leaderboard/ }).locator(`tr[data-model-id="${MODEL_A}"] th a`).click();
      await page.waitForURL(`**/datasets/${DATASET_ID}/models/${MODEL_A}`);
      const matrix = page.getByRole('table', { name: /Confusion matrix/ });
      await matrix.waitFor();
      const score = scores.find((s) => s.modelId === MODEL_A)!;
      assert.equal(fromApi.confusion.n, score.n, "confusion's n is the rows' scored faces");
      assertShows(await page.locator('[data-stat="accuracy"]').innerText(), score.accuracy, 'model accuracy');
      assertShows(await page.locator('dd[data-stat="n"]').innerText(), score.n, 'model n');
      const cells = await matrix.locator('tbody td[data-predicted]').allInnerTexts();
      assert.equal(cells.length, fromApi.confusion.labelSet.length ** 2);
      assert.equal(cells.reduce((sum, c) => sum + Number(c.replace(/,/g, '')), 0), score.n, 'the matrix holds every scored face');
      assert.deepEqual(cells.map((c) => Number(c.replace(/,/g, ''))), fromApi.confusion.matrix.flat(), 'cell by cell as the API');
      assert.equal(await page.getByRole('table', { name: 'Precision, recall and F1 per label' }).locator('tbody tr').count(), fromApi.confusion.labelSet.length);
      await screenshot(page, 'walk-model');
    });

    await step('every page of the walk reads on a phone (no sideways scrolling) and its links are focusable', async () => {
      await page.setViewportSize(PHONE);
      const pages: [string, string][] = [
        ['explorer', `datasets/${DATASET_ID}/explore?disagree=${MODEL_A}&disagree=${MODEL_B}`],
        ['face', `images/${faceId}`],
        ['compare', `datasets/${DATASET_ID}/compare?a=${MODEL_A}&b=${MODEL_B}`],
        ['heatmap', `datasets/${DATASET_ID}/pairwise`],
        ['model', `datasets/${DATASET_ID}/models/${MODEL_A}`],
      ];
      for (const [name, path] of pages) {
        await page.goto(`${web.url}${path}`);
        await page.locator('h1').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than a 390px phone`);
        await screenshot(page, `walk-phone-${name}`);
      }
      // Keyboard: the first Tab reaches the skip link, and Tab alone reaches the heatmap's cells.
      await page.goto(`${web.url}datasets/${DATASET_ID}/pairwise`);
      // Hydrated first: the router may move focus while it starts.
      await page.getByRole('table', { name: 'Cohen κ heatmap' }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      const visited: string[] = [];
      let reached = false;
      for (let press = 0; press < 40 && !reached; press++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => ({ heat: document.activeElement?.closest('td.heat') != null, what: `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 30)}` }));
        reached = at.heat;
        visited.push(at.what);
      }
      assert.ok(reached, `a heatmap cell is reachable with Tab (focus went: ${visited.join(' → ')})`);
    });

    await step('a bad explorer link says which parameter is wrong and what was expected', async () => {
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${web.url}datasets/${DATASET_ID}/explore?disagree=${MODEL_A}&order=sideways`);
      const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This explorer link cannot be used' }) });
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /disagree: expected two model ids \(disagree=A&disagree=B\), got 1/);
      assert.match(text, /order: expected one of model-entropy, p-i, human-entropy, id, got "sideways"/);
    });

    await step('the explorer filters by gold label and minimum vote entropy from the URL alone, as the API does', async () => {
      const filter = { goldLabel: 'anger', minModelEntropy: 0.5 };
      const { images } = await queryApi<{ images: { totalCount: number; edges: { node: { id: string } }[] } }>(
        api.baseUrl,
        `query ($id: ID!, $filter: ImageFilter) { images(dataset: $id, filter: $filter, orderBy: { field: MODEL_ENTROPY, direction: DESC }, first: 24) { totalCount edges { node { id } } } }`,
        { id: DATASET_ID, filter },
      );
      const angry = truth.differ.filter((id) => truth.gold.get(id) === 'anger');
      assert.equal(images.totalCount, angry.length, 'with two models, entropy ≥ 0.5 is exactly "they differ"');
      await page.goto(`${web.url}datasets/${DATASET_ID}/explore?gold=anger&minEntropy=0.5`);
      assertShows(await page.locator('[data-stat="total-count"]').innerText(), angry.length, 'angry faces the models differ on');
      const shown = await page.locator('.face-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-image-id')));
      assert.deepEqual(shown, images.edges.map((e) => e.node.id), 'the API’s faces in the API’s order');
      assert.equal(await page.getByLabel('gold label').inputValue(), 'anger', 'the form shows the URL’s filters');
      // The face step stored crowd votes for some faces, so the dataset now has them and the filter is offered.
      const { dataset } = await queryApi<{ dataset: { humanVotedFaces: number } }>(api.baseUrl, `query ($id: ID!) { dataset(id: $id) { humanVotedFaces } }`, { id: DATASET_ID });
      assert.ok(dataset.humanVotedFaces > 0, 'the face step stored crowd votes');
      assert.equal(await page.getByLabel('human vote entropy ≥ (bits)').count(), 1, 'the human-entropy filter is offered once the dataset has crowd votes');
    });
  } finally {
    await cleanup.run();
  }
});

async function checkExplorer(page: Page, browser: Browser, truth: PairTruth): Promise<void> {
  assertShows(await page.locator('[data-stat="total-count"]').innerText(), truth.differ.length, 'faces where A and B disagree');
  const cards = page.locator('.face-card');
  const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-image-id') ?? ''));
  assert.equal(ids.length, Math.min(24, truth.differ.length), 'a full first page (or every face)');
  for (const id of ids) assert.ok(truth.differ.includes(id), `face ${id} is one where the models differ`);
  // Each card's vote bar holds two votes for two different labels.
  for (const votes of await cards.locator('.vote-bar').evaluateAll((els) => els.map((el) => el.getAttribute('data-votes') ?? ''))) {
    assert.match(votes, /^\w+:1 \w+:1$/, `two single votes for different labels, got "${votes}"`);
  }
  // Deep link: the URL alone gives the same view.
  const again = await browser.newPage();
  try {
    await again.goto(page.url());
    assert.equal(await again.locator('[data-stat="total-count"]').innerText(), await page.locator('[data-stat="total-count"]').innerText());
  } finally {
    await again.close();
  }
  if (truth.differ.length > 24) {
    await page.getByRole('link', { name: /Next 24 faces/ }).click();
    await page.waitForURL((url) => url.searchParams.has('after'));
    const rest = await page.locator('.face-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-image-id') ?? ''));
    assert.ok(rest.length > 0 && rest.every((id) => truth.differ.includes(id) && !ids.includes(id)), 'the next page holds other differing faces');
    await page.goBack();
  }
}

async function checkCompare(page: Page, truth: PairTruth, api: ApiPairs): Promise<void> {
  for (const [model, accuracy] of [
    [MODEL_A, truth.accuracyA],
    [MODEL_B, truth.accuracyB],
  ] as const) {
    assertShows(await page.locator(`tr[data-model-id="${model}"] [data-stat="accuracy"]`).innerText(), accuracy, `${model} accuracy on the paired faces`);
  }
  assertShows(await page.locator('[data-stat="kappa"]').innerText(), truth.kappa, 'κ between A and B');
  assertShows(await page.locator('[data-stat="n-faces"]').innerText(), truth.nFaces, 'faces both rated');
  assertShows(await page.locator('[data-stat="n-differ"]').innerText(), truth.differ.length, 'faces where they differ');
  assertShows(await page.locator('[data-stat="mcnemar-b"]').innerText(), truth.b, 'McNemar b');
  assertShows(await page.locator('[data-stat="mcnemar-c"]').innerText(), truth.c, 'McNemar c');
  assert.deepEqual([api.compare.mcnemar.b, api.compare.mcnemar.c], [truth.b, truth.c]);
  const p = (await page.locator('[data-stat="mcnemar-p"]').innerText()).trim();
  if (p.startsWith('<')) assert.ok(api.compare.mcnemar.p < 1e-4);
  else assert.ok(Math.abs(Number(p) - api.compare.mcnemar.p) <= 5e-4 * Math.max(api.compare.mcnemar.p, 1e-4), `McNemar p ${p} vs ${api.compare.mcnemar.p}`);
  assert.match(await page.locator('[data-stat="differ-link"]').innerText(), new RegExp(`All ${truth.differ.length} faces`));
  const shown = await page.locator('section[aria-labelledby="differ-heading"] .face-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-image-id')));
  assert.deepEqual(shown, truth.differ.slice(0, 12), `the first differing faces, in id order (shown ${shown.join()}, rows ${truth.differ.join()})`);
}
