import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser.js';

export interface BrowserSteps {
  /** A desktop-sized page (1200×900) whose uncaught script errors are recorded. */
  page: Page;
  /**
   * Runs `run` as a subtest of `t`, then asserts that no script on the page threw since the previous step (errors
   * between steps count for the next one). A failing step's message carries the page errors, a screenshot's path and
   * every log named in `logs`.
   */
  step(name: string, run: () => Promise<void>): Promise<void>;
}

/**
 * Opens the page a browser test walks through and the `step` wrapper its subtests run in. `logs` names the server
 * logs a failure shows (e.g. `{ 'next start': web.log }`); failure screenshots are named `<shotPrefix>failed-<step>`.
 */
export async function openBrowserSteps(
  t: TestContext,
  browser: Browser,
  options: { logs: Record<string, () => string>; shotPrefix?: string },
): Promise<BrowserSteps> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const step = async (name: string, run: () => Promise<void>) => {
    await t.test(name, async () => {
      try {
        await run();
        assert.deepEqual(pageErrors, [], 'no script on the page threw');
      } catch (error) {
        const shot = await screenshot(page, `${options.shotPrefix ?? ''}failed-${name.replace(/\W+/g, '-')}`).catch(() => 'none');
        const logs = Object.entries(options.logs).map(([log, read]) => `\n--- ${log} log ---\n${read()}`);
        throw new Error(`${error instanceof Error ? error.message : String(error)}\npage errors: ${pageErrors.join('; ') || 'none'}\nscreenshot: ${shot}${logs.join('')}`, { cause: error });
      } finally {
        pageErrors.length = 0;
      }
    });
  };
  return { page, step };
}
