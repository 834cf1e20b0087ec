/**
 * Collects uncaught errors and console errors and warnings in every tab of a Firefox (and its
 * frames), and every message News Tracker logs with its "News Tracker:" prefix (a content script
 * logs a failure it caught so). WebDriver BiDi reports a content script's errors with no stack,
 * so they cannot be told apart from a page's own: the Firefox suite uses only pages whose own
 * scripts raise nothing (or that run none), and every error counts. The background page is not
 * a tab and is not seen.
 *
 * Firefox reports more than scripts' errors this way: a request the page's policy refused, a font
 * that did not download. Only what a script threw is kept: Firefox words it as the error's class
 * and message ("TypeError: …", "NotAllowedError: …"), or "uncaught exception: …" for a thrown
 * value that is not an Error.
 */
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';

export interface FirefoxErrorGuard {
  /** One line per error: where it happened, and its message. */
  errors(): string[];
}

const THROWN = /^(?:uncaught exception: |[A-Za-z]*(?:Error|Exception)\b)/u;

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

export function watchErrors(browser: Browser): FirefoxErrorGuard {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!THROWN.test(message)) return;
      errors.push(`error in ${page.url()}: ${firstLine(message)}`);
    });
    page.on('console', (message: ConsoleMessage) => {
      const level = message.type();
      if (level === 'error' || level === 'warn' || level === 'assert' || message.text().startsWith('News Tracker:')) {
        errors.push(`console ${level} in ${page.url()}: ${firstLine(message.text())}`);
      }
    });
  };
  const onTarget = (target: Target) => {
    void target.page().then((page) => page && watch(page));
  };
  browser.on('targetcreated', onTarget);
  return { errors: () => [...errors] };
}
