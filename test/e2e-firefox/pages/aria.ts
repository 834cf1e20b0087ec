import type { Locator, Page } from 'puppeteer-core';

/** A puppeteer selector for the element with this accessible name (and role), as a person finds it. */
export function aria(name: string, role?: string): string {
  return `::-p-aria([name="${name.replaceAll('"', '\\"')}"]${role ? `[role="${role}"]` : ''})`;
}

/**
 * A locator that waits for its element and acts on it. Puppeteer also waits for the element's
 * box to stop moving, measured over animation frames, which a tab in the background of a
 * headless Firefox does not get: that wait is left out.
 */
export function locate(page: Page, selector: string): Locator<Element> {
  return page.locator(selector).setWaitForStableBoundingBox(false);
}

/** Polls until `read` returns something `done` accepts, or fails after `timeoutMs` with the last value. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
