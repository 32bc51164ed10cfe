import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@ferbench/testkit';
import { type Browser, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, headless: the test never downloads a browser (scripts/ensure-chromium.sh installs it). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const screenshotDir = path.join(repoRoot(), 'test-output', 'web');

/** A full-page screenshot under test-output/web/, for people to look at; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
