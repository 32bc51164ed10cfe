import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { predictPhoto, readModelCard, releasePhotoSessions } from '@ferbench/inference';
import { createApiToken } from '@ferbench/jobs';
import { SHIPPED_CARDS_DIR } from '@ferbench/models';
import { EMOTIONS, type ModelCard } from '@ferbench/shared';
import { fixture } from '@ferbench/testkit';
import type { Page } from 'playwright-core';
import { queryApi } from './support/api-client.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { screenshot } from './support/browser.js';
import { Cleanup } from './support/cleanup.js';
import { modelScores, withClient } from './support/database-truth.js';
import { startQueueWorker } from './support/queue-worker.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';
import { assertShows } from './support/shown-number.js';
import { fillCardForm } from './support/card-form.js';

const DATASET_ID = 'rafdb-submit';
/** 2 faces of each of RAF-DB's 7 labels: enough for accuracy and κ to mean something, quick for the worker. */
const FACES_PER_LABEL = 2;
const SEEDED_MODEL = 'mobilefacenet-int8';
const SUBMITTED = { id: 'mini-from-browser', name: 'mini_XCEPTION submitted in the browser' };
/** A whole-head photo with background (muxspace), so the detector has real work to do. */
const PHOTO = 'Aaron_Peirsol_0004.jpg';

interface SubmissionAnswer {
  submission: {
    status: string;
    card: Record<string, unknown>;
    progress: { datasetId: string; images: number; predicted: number; failed: number }[];
  };
  pairwise: { pairs: { modelA: { id: string }; modelB: { id: string }; kappa: { value: number | null; n: number } }[] };
}

/**
 * The two live paths of the dashboard on one API and one `next start`: a model submitted through the form, predicted
 * by a real `ferbench worker`, found on the leaderboard and the κ heatmap; then a real photo tried on /try, where
 * every registered model (the submitted one too) votes.
 */
test('submit a model through the form and try a photo: real worker, real models, real faces', { timeout: 300_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  if (rafdb === undefined) return;
  const modelsDir = fixture(t, 'models');
  if (modelsDir === undefined) return;
  const detectorsDir = fixture(t, 'detectors');
  const photoFile = fixture(t, 'data', 'muxspace-sample', 'images', PHOTO);
  if (detectorsDir === undefined || photoFile === undefined) return;
  const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
  const onnx = fixture(t, 'models', card.file);
  if (onnx === undefined) return;

  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_submit', facesPerLabel: FACES_PER_LABEL });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: [SEEDED_MODEL] });

    const runner = poolDatabase(databaseUrl);
    const { token } = await createApiToken(runner.pool, 'browser-test').finally(() => runner.close());
    cleanup.add('photo sessions', () => releasePhotoSessions());
    const { api, web, browser } = await startWebStack(cleanup, databaseUrl, work, {
      dataDir: path.join(work, 'data'),
      maxUploadBytes: 16 * 1024 * 1024,
      modelsDir,
      detectorsDir,
    });
    const worker = await startQueueWorker(databaseUrl, { id: 'e2e-worker', chunkSize: 10 });
    cleanup.add('worker', async () => void (await worker.stop()));

    const { page, step } = await openBrowserSteps(t, browser, { logs: { worker: worker.log, 'next start': web.log } });

    await step('uploading the ONNX file with the token prefills the card from its graph', async () => {
      await page.goto(`${web.url}submit`);
      // A wrong token first: the API's refusal reaches the form.
      await page.getByLabel('API token').fill('fbt_not-a-token');
      await page.getByLabel('ONNX file').setInputFiles(onnx);
      await page.getByRole('button', { name: 'Upload' }).click();
      const refused = page.locator('form[aria-labelledby="upload-heading"] [role="alert"]');
      await refused.waitFor();
      assert.equal(await refused.innerText(), 'The API token is not valid: it is unknown or was revoked.');
      await page.getByLabel('API token').fill(token);
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('heading', { name: '2. Describe it: the model card' }).waitFor();
      const prefilled = {
        'Input tensor name': card.input.name,
        Layout: card.input.layout,
        'Width (pixels)': String(card.input.width),
        'Height (pixels)': String(card.input.height),
        Channels: String(card.input.channels),
        'Colour space': card.input.colorSpace,
        Batch: String(card.input.batch),
        'Output tensor name': card.output.name,
      };
      for (const [label, value] of Object.entries(prefilled)) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, `${label} prefilled from the graph`);
      assert.equal(await page.getByRole('table', { name: /Classes in output order/ }).locator('tbody tr').count(), card.output.labels.length, 'one row per output class');
      await screenshot(page, 'submit-card-prefilled');
    });

    await step('submitting an incomplete card shows each problem next to its field, and nothing is sent', async () => {
      await page.getByRole('button', { name: 'Submit the model' }).click();
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /The card has \d+ problems/ }) });
      await summary.waitFor();
      const id = page.getByLabel('Model id');
      assert.equal(await id.getAttribute('aria-invalid'), 'true');
      const describedBy = (await id.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((d) => d.endsWith('-error'));
      assert.ok(errorId, 'the id field points at its error');
      assert.match(await page.locator(`#${errorId}`).innerText(), /^id: expected a slug: lowercase letters, digits, "\.", "_" or "-" \(got ""\)/);
      assert.match(await summary.innerText(), /source\.url: expected a non-empty string/);
      assert.equal(page.url(), `${web.url}submit`, 'still on the form');
      await screenshot(page, 'submit-card-errors');
    });

    await step('the filled card is accepted and the status page follows the worker until done', async () => {
      await fillCardForm(page, card, SUBMITTED);
      await page.getByRole('button', { name: 'Submit the model' }).click();
      await page.waitForURL(/\/submissions\/\d+$/);
      const status = page.locator('[data-status]');
      await page.locator('[data-status="DONE"], [data-status="FAILED"]').waitFor({ timeout: 180_000 });
      assert.equal(await status.getAttribute('data-status'), 'DONE', await page.locator('.log').innerText().catch(() => 'no log'));
      assert.match(await status.innerText(), /done: every face of every dataset is predicted/);
      const progress = page.locator('table').filter({ has: page.getByRole('rowheader', { name: DATASET_ID }) });
      const cells = await progress.locator('tbody tr td').allInnerTexts();
      assert.deepEqual(cells, [String(7 * FACES_PER_LABEL), '0', String(7 * FACES_PER_LABEL), '2 / 2'], 'every face predicted, none failed, both jobs done');
      assert.match(await page.locator('.log').innerText(), /\[e2e-worker\] /);
      await screenshot(page, 'submission-done');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'submission-done-phone');
      await page.setViewportSize({ width: 1200, height: 900 });
    });

    const answer = await queryApi<SubmissionAnswer>(
      api.baseUrl,
      `query ($id: ID!, $d: ID!) {
        submission(id: $id) { status card progress { datasetId images predicted failed } }
        pairwise(dataset: $d) { pairs { modelA { id } modelB { id } kappa { value n } } }
      }`,
      { id: page.url().split('/').pop()!, d: DATASET_ID },
    );

    await step('the card the form wrote is the shipped card, under the new id and name', async () => {
      // `file` is where the server keeps it (models/<sha256>.onnx under its data folder).
      assert.equal(answer.submission.card.file, path.join(work, 'data', 'models', `${card.sha256}.onnx`));
      assert.deepEqual({ ...answer.submission.card, file: card.file }, { ...card, ...SUBMITTED });
    });

    await step('the link leads to the leaderboard, where the model shows the accuracy its stored predictions give', async () => {
      await page.getByRole('link', { name: `${DATASET_ID} leaderboard` }).click();
      await page.waitForURL(`**/datasets/${DATASET_ID}`);
      const row = page.getByRole('table', { name: /Leaderboard/ }).locator(`tr[data-model-id="${SUBMITTED.id}"]`);
      await row.waitFor();
      assert.match(await row.getByRole('rowheader').innerText(), new RegExp(SUBMITTED.name));
      const score = (await withClient(databaseUrl, (client) => modelScores(client, DATASET_ID))).find((s) => s.modelId === SUBMITTED.id);
      assert.ok(score, 'the worker stored predictions for the submitted model');
      assert.equal(score.n, 7 * FACES_PER_LABEL);
      assertShows(await row.locator('[data-stat="accuracy"]').innerText(), score.accuracy, 'submitted model accuracy');
      assertShows(await row.locator('[data-stat="n"]').innerText(), score.n, 'submitted model n');
      await screenshot(page, 'submission-leaderboard');
    });

    await step('the κ heatmap has the submitted model, with the κ the API computes against the seeded one', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}/pairwise`);
      await checkHeatmap(page, answer.pairwise.pairs);
      await screenshot(page, 'submission-heatmap');
    });

    await step('try a photo: the detected face is boxed and every registered model’s vote is shown, as predictPhoto gives it', async () => {
      // What the live path must show: predictPhoto here, on the cards registered in the database.
      const registered = await withClient(databaseUrl, (client) => client.query<{ card: ModelCard }>('SELECT card FROM models ORDER BY id'));
      const models = registered.rows.map(({ card }) => ({ card, file: path.resolve(modelsDir, card.file) }));
      assert.deepEqual(models.map((m) => m.card.id), [SUBMITTED.id, SEEDED_MODEL].sort(), 'the seeded and the submitted model are registered');
      const expected = await predictPhoto(readFileSync(photoFile), { models, detectorsDir });
      assert.equal(expected.faces.length, 1, `${PHOTO} shows one face`);

      await page.goto(`${web.url}try`);
      // Not an image first: the API's reason is shown, and nothing else.
      await page.getByLabel(/^Photo/).setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
      await page.getByRole('button', { name: 'Ask the models' }).click();
      const refused = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The photo could not be tried' }) });
      await refused.waitFor();
      assert.match(await refused.innerText(), /The photo is not a JPEG or PNG: expected a JPEG .* or a PNG/);
      await page.getByLabel(/^Photo/).setInputFiles(photoFile);
      await page.getByRole('button', { name: 'Ask the models' }).click();
      const table = page.getByRole('table', { name: 'Model votes on face 1' });
      await table.waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('.face-box').count(), 1, 'one box on the photo');
      assert.equal(await table.locator('tbody tr').count(), models.length, 'a row per registered model');
      const face = expected.faces[0]!;
      for (const vote of face.votes) {
        const row = table.locator(`tr[data-model-id="${vote.modelId}"]`);
        assert.ok(vote.label !== null);
        assert.match(await row.locator('[data-stat="vote"]').innerText(), new RegExp(`^${vote.label}`), `${vote.modelId}'s vote`);
        assertShows(await row.locator('[data-stat="probability"]').innerText(), vote.probabilities[EMOTIONS.indexOf(vote.label)]!, `${vote.modelId}'s probability`);
      }
      const section = page.locator('section[data-face="1"]');
      assertShows(await section.locator('[data-stat="ratings"]').innerText(), models.length, 'votes behind the agreement');
      const labels = face.votes.map((v) => v.label);
      const agree = labels.every((l) => l === labels[0]);
      // Two raters: P_i is 1 when they agree, else 0; entropy 0 or 1 bit.
      assertShows(await section.locator('[data-stat="p-i"]').innerText(), agree ? 1 : 0, 'P_i');
      assertShows(await section.locator('[data-stat="entropy-bits"]').innerText(), agree ? 0 : 1, 'vote entropy');
      await screenshot(page, 'try-photo');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'try-photo-phone');
      await page.setViewportSize({ width: 1200, height: 900 });
    });

    assert.equal(await worker.stop(), 0, 'SIGTERM stops the worker cleanly');
  } finally {
    await cleanup.run();
  }
});

async function checkHeatmap(page: Page, pairs: SubmissionAnswer['pairwise']['pairs']): Promise<void> {
  const pair = pairs.find((p) => [p.modelA.id, p.modelB.id].sort().join() === [SUBMITTED.id, SEEDED_MODEL].sort().join());
  assert.ok(pair && pair.kappa.value !== null, 'the API has κ for the submitted and the seeded model');
  assert.equal(pair.kappa.n, 7 * FACES_PER_LABEL, 'κ over every face');
  const heatmap = page.getByRole('table', { name: 'Cohen κ heatmap' });
  await heatmap.waitFor();
  assert.deepEqual((await heatmap.locator('thead th').allInnerTexts()).sort(), [SEEDED_MODEL, SUBMITTED.id].sort());
  const cell = heatmap.locator(`td[data-pair="${SUBMITTED.id}|${SEEDED_MODEL}"] [data-stat="kappa"]`);
  assertShows(await cell.innerText(), pair.kappa.value, 'κ of the submitted and the seeded model');
}
