import type { Locator, Page } from 'puppeteer-core';

/** A puppeteer selector for the element with this accessible name (and role), as a person finds it. */
export function aria(name: string, role?: string): string {
  return `::-p-aria([name="${name.replaceAll('"', '\\"')}"]${role ? `[role="${role}"]` : ''})`;
}

/**
 * A locator that waits for its element and acts on it. Puppeteer's further wait for the
 * element's box to hold still across animation frames never ended in headless Firefox over
 * BiDi (a fill timed out), so it is left out.
 */
export function locate(page: Page, selector: string): Locator<Element> {
  return page.locator(selector).setWaitForStableBoundingBox(false);
}
