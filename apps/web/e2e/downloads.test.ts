import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fixture, repoRoot } from '@ferbench/testkit';
import { openBrowserSteps } from './support/browser-steps.js';
import { Cleanup } from './support/cleanup.js';
import { seedBenchmark } from './support/seed-benchmark.js';
import { rafdbWorkspace, startWebStack } from './support/seeded-dashboard.js';

const MODELS = ['mini-xception-119', 'mobilefacenet-int8'];
const DATASET_ID = 'rafdb-downloads';

test('the dataset page offers CSV and Parquet downloads with their hash, and the leaderboard cites a snapshot once one is taken', { timeout: 240_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const modelsDir = fixture(t, 'models');
  if (rafdb === undefined || modelsDir === undefined) return;
  const cleanup = new Cleanup();
  try {
    const { work, datasetRoot, databaseUrl } = await rafdbWorkspace(cleanup, rafdb, { name: 'web_downloads', facesPerLabel: 3 });
    await seedBenchmark({ databaseUrl, datasetRoot, datasetId: DATASET_ID, modelsDir, modelIds: MODELS });
    const dataDir = path.join(work, 'data');
    const { web, browser } = await startWebStack(cleanup, databaseUrl, work, { dataDir });
    const { page, step } = await openBrowserSteps(t, browser, { logs: { 'next start': web.log } });

    await step('the predictions CSV downloads through the dashboard, named by dataset and hash, one line per face and model', async () => {
      await page.goto(`${web.url}datasets/${DATASET_ID}`);
      const section = page.locator('section[aria-labelledby="downloads-heading"]');
      await section.getByRole('heading', { name: 'Download the results' }).waitFor();
      assert.equal(await section.locator('a[data-download]').count(), 11, 'five tables × CSV and Parquet, and the manifest');
      const [download] = await Promise.all([page.waitForEvent('download'), section.locator('a[data-download="predictions.csv"]').click()]);
      assert.match(download.suggestedFilename(), /^ferbench-rafdb-downloads-[0-9a-f]{12}-predictions\.csv$/);
      const text = await readFile((await download.path())!, 'utf8');
      assert.equal(text.trim().split('\n').length, 1 + 7 * 3 * MODELS.length, 'header + 21 faces × 2 models');
      const manifest = (await (await fetch(`${web.url}datasets/${DATASET_ID}/downloads/manifest.json`)).json()) as { content: { files: { path: string; sha256: string }[] } };
      assert.equal(manifest.content.files.find((f) => f.path === 'predictions.csv')!.sha256, createHash('sha256').update(text).digest('hex'));
      const parquet = await fetch(`${web.url}datasets/${DATASET_ID}/downloads/predictions.parquet`);
      assert.equal(parquet.headers.get('etag'), `"${manifest.content.files.find((f) => f.path === 'predictions.parquet')!.sha256}"`);
      assert.equal(parquet.headers.get('content-type'), 'application/vnd.apache.parquet');
    });

    await step('after ferbench snapshot create, every leaderboard row names the snapshot that holds it', async () => {
      assert.deepEqual(await page.locator('td[data-stat="snapshot"]').allInnerTexts(), ['none', 'none']);
      const cli = path.join(repoRoot(), 'apps', 'runner', 'dist', 'cli.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'snapshot', 'create', '--models', 'all', '--bootstrap', '0'], {
        env: { ...process.env, DATABASE_URL: databaseUrl, FERBENCH_DATA_DIR: dataDir },
      });
      const id = stdout.trim();
      assert.match(id, /^[0-9a-f]{16}$/);
      // The page is kept (ISR) and re-rendered in the background at most 2 s after its last render: a visitor
      // reloading sees the snapshot within a few seconds, never a mix of old and new rows.
      const cells = () => page.locator('td[data-stat="snapshot"]').allInnerTexts();
      let shown = await cells();
      for (const deadline = Date.now() + 10_000; shown[0] !== id && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await page.reload();
        shown = await cells();
        assert.ok(shown.every((cell) => cell === shown[0]), `one render, one snapshot: ${shown.join(', ')}`);
      }
      assert.deepEqual(shown, [id, id]);
    });
  } finally {
    await cleanup.run();
  }
});
