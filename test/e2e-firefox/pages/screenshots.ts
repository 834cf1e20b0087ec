import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { ARTIFACTS, type Scheme } from '../../e2e/pages/accessibility';

/**
 * Firefox over WebDriver BiDi cannot emulate a colour scheme for a page: a browser started with
 * these preferences shows every page in that scheme instead.
 */
export function schemePrefs(scheme: Scheme): Record<string, unknown> {
  return { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 };
}

/** Saves the page under test-artifacts/ (firefox-<name>-<scheme>.png) for people to look at. */
export async function screenshot(page: Page, name: string, scheme: Scheme): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `firefox-${name}-${scheme}.png`), fullPage: false });
}
