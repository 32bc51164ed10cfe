import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { createApiToken } from '@ferbench/jobs';
import { SHIPPED_CARDS_DIR } from '@ferbench/models';
import { createTestDatabase, fer2013Subset, fixture, freePort, repoRoot } from '@ferbench/testkit';
import { queryApi } from './support/api-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { openBrowserSteps } from './support/browser-steps.js';
import { fillCardForm, uploadOnSubmitPage } from './support/card-form.js';
import { Cleanup } from './support/cleanup.js';
import { startServer } from './support/processes.js';

/** The zoo npm start installs here (with its aligned variant); mini_XCEPTION is what the dashboard submits. */
const ZOO = ['mobilefacenet-int8'];
const INSTALLED = ['mobilefacenet-int8', 'mobilefacenet-int8-aligned'];
/** 30 FER2013 test faces of each of its 7 labels: runs that last seconds, not minutes. */
const PER_LABEL = 30;
const FACES = 7 * PER_LABEL;
const SUBMITTED = { id: 'mini-submitted-at-start', name: 'mini_XCEPTION submitted while npm start runs' };

interface RunStatus {
  runStatus: {
    active: boolean;
    bootstrap: { phase: string } | null;
    pairs: { modelId: string; datasetId: string; status: string; facesDone: number; facesTotal: number; facesPerSecond: number | null }[];
  };
}
const RUN_STATUS = '{ runStatus { active bootstrap { phase } pairs { modelId datasetId status facesDone facesTotal facesPerSecond } } }';

/**
 * What `npm start` does after install and build (scripts/serve.sh) on a fresh database and data folder, with a small
 * FER2013 and two zoo models: the dashboard answers before the runs finish, /status follows them to the end, and a
 * model submitted in the dashboard is predicted to done by the worker serve.sh starts, with no other command.
 */
test('npm start serves first: dashboard up before the runs finish, progress on /status, a dashboard submission reaches done', { timeout: 300_000 }, async (t) => {
  const fer2013 = fixture(t, 'data', 'fer2013');
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (fer2013 === undefined || modelsDir === undefined || detectorsDir === undefined) return;
  const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
  const onnx = path.resolve(modelsDir, card.file);

  const cleanup = new Cleanup();
  try {
    const work = mkdtempSync(path.join(tmpdir(), 'ferbench-start-'));
    cleanup.add('temporary folder', () => rmSync(work, { recursive: true, force: true }));
    const datasets = path.join(work, 'datasets');
    mkdirSync(datasets);
    renameSync(fer2013Subset(fer2013, work, PER_LABEL), path.join(datasets, 'fer2013'));
    const db = await createTestDatabase('web_start');
    cleanup.add('test database', () => db.drop());

    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const started = Date.now();
    const serve = await startServer({
      name: 'scripts/serve.sh',
      command: 'bash',
      args: [path.join(repoRoot(), 'scripts', 'serve.sh')],
      cwd: repoRoot(),
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        API_PORT: String(apiPort),
        WEB_PORT: String(webPort),
        FERBENCH_DATASETS: datasets,
        FERBENCH_MODELS: modelsDir,
        FERBENCH_DETECTORS: detectorsDir,
        FERBENCH_DATA_DIR: path.join(work, 'data'),
        FERBENCH_ZOO: ZOO.join(','),
      },
      url: `http://127.0.0.1:${webPort}/`,
      timeoutMs: 120_000,
    });
    cleanup.add('serve.sh', () => serve.stop());
    const webUrl = `http://127.0.0.1:${webPort}/`;
    const answeredAfterMs = Date.now() - started;
    const atFirstAnswer = await queryApi<RunStatus>(apiUrl, RUN_STATUS);
    const browser = await launchBrowser();
    cleanup.add('browser', () => browser.close());
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'serve.sh': serve.log } });

    await step('the dashboard answers before the runs finish', async () => {
      t.diagnostic(`dashboard answered ${answeredAfterMs} ms after serve.sh started`);
      const { bootstrap, pairs } = atFirstAnswer.runStatus;
      assert.notEqual(bootstrap?.phase, 'done', 'the bootstrap had not finished when the dashboard first answered');
      assert.ok(pairs.every((p) => p.status !== 'DONE'), 'no run had finished');
      const response = await page.goto(webUrl);
      assert.equal(response?.status(), 200);
    });

    await step('the front page links to /status while runs go on, and /status follows them to the end', async () => {
      // A visitor reloading the front page: the notice appears once the bootstrap has begun.
      const notice = page.locator('.runs-active');
      for (let tries = 0; !(await notice.isVisible()); tries++) {
        assert.ok(tries < 120, 'the front page never said that runs go on');
        await page.waitForTimeout(500);
        await page.reload();
      }
      await screenshot(page, 'start-front-page-runs-active');
      await notice.getByRole('link', { name: 'See their progress' }).click();
      await page.waitForURL('**/status');
      const phase = page.locator('[data-stat="bootstrap-phase"]');
      const seen = new Set<string>();
      let shotRunning = false;
      const deadline = Date.now() + 150_000;
      for (;;) {
        const shown = (await phase.getAttribute('data-phase')) ?? 'none';
        seen.add(shown);
        if (shown === 'done') break;
        assert.ok(Date.now() < deadline, `the bootstrap did not finish within 150 s (phases seen: ${[...seen].join(', ')})`);
        if (shown === 'running' && !shotRunning) shotRunning = Boolean(await screenshot(page, 'status-running'));
        await page.waitForTimeout(250);
      }
      t.diagnostic(`phases seen on /status: ${[...seen].join(' → ')}`);
      assert.ok(seen.size >= 2 && [...seen].some((p) => p !== 'done'), `the page showed the bootstrap under way before done: ${[...seen].join(', ')}`);
      // Refreshed to the end: every model × dataset done, faces done of total and faces/s as the API says.
      await page.reload();
      await screenshot(page, 'status-done');
      const { runStatus } = await queryApi<RunStatus>(apiUrl, RUN_STATUS);
      assert.deepEqual(runStatus.pairs.map((p) => [p.modelId, p.datasetId, p.status, p.facesDone, p.facesTotal]).sort(), INSTALLED.map((id) => [id, 'fer2013', 'DONE', FACES, FACES]).sort());
      for (const pair of runStatus.pairs) {
        const row = page.locator(`tr[data-pair="${pair.modelId}|${pair.datasetId}"]`);
        assert.equal(await row.locator('[data-stat="status"]').innerText(), 'done');
        assert.equal(await row.locator('[data-stat="faces-done"]').innerText(), FACES.toLocaleString('en-US'));
        assert.equal(await row.locator('[data-stat="faces-total"]').innerText(), FACES.toLocaleString('en-US'));
        assert.ok(pair.facesPerSecond !== null && pair.facesPerSecond > 0);
        assert.equal(await row.locator('[data-stat="faces-per-second"]').innerText(), Math.round(pair.facesPerSecond).toLocaleString('en-US'));
      }
    });

    await step('a model submitted in the dashboard reaches done: the worker npm start runs predicts it', async () => {
      const pool = poolDatabase(db.url);
      const { token } = await createApiToken(pool.pool, 'start-test').finally(() => pool.close());
      await uploadOnSubmitPage(page, webUrl, token, onnx);
      await fillCardForm(page, card, SUBMITTED);
      await page.getByRole('button', { name: 'Submit the model' }).click();
      await page.waitForURL(/\/submissions\/\d+$/);
      await page.locator('[data-status="DONE"], [data-status="FAILED"]').waitFor({ timeout: 120_000 });
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), 'DONE', await page.locator('.log').innerText().catch(() => 'no log'));
      await screenshot(page, 'start-submission-done');
      const { runStatus } = await queryApi<RunStatus>(apiUrl, RUN_STATUS);
      const submitted = runStatus.pairs.find((p) => p.modelId === SUBMITTED.id);
      assert.deepEqual(submitted && [submitted.status, submitted.facesDone, submitted.facesTotal], ['DONE', FACES, FACES]);
    });
  } finally {
    await cleanup.run();
  }
});
