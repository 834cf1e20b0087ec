/**
 * Collects uncaught errors in every tab of a Firefox (and its frames), from the pages' own
 * scripts and from the extension: its pages, and its content scripts, whose errors and console
 * messages reach WebDriver BiDi with the moz-extension:// script on their stack. As in the
 * Chromium suite, a message the extension logs with the "News Tracker:" prefix (a caught failure
 * in a content script) counts as an error too. The background page is not a tab and is not seen.
 */
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';

const EXTENSION = 'moz-extension://';

export interface FirefoxErrorGuard {
  /** One line per error: "extension …" or "page …", where it happened, and its message. */
  errors(): string[];
  /** Only the extension's. */
  extensionErrors(): string[];
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

export function watchErrors(browser: Browser): FirefoxErrorGuard {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      const who = page.url().startsWith(EXTENSION) || (err.stack ?? '').includes(EXTENSION) ? 'extension' : 'page';
      errors.push(`${who} error in ${page.url()}: ${firstLine(err.message)}`);
    });
    page.on('console', (message: ConsoleMessage) => {
      const fromExtension =
        page.url().startsWith(EXTENSION) || message.stackTrace().some((frame) => frame.url?.startsWith(EXTENSION));
      if (!fromExtension) return;
      const level = message.type();
      if (level === 'error' || level === 'warn' || level === 'assert' || message.text().startsWith('News Tracker:')) {
        errors.push(`extension ${level} in ${page.url()}: ${firstLine(message.text())}`);
      }
    });
  };
  const onTarget = (target: Target) => {
    void target.page().then((page) => page && watch(page));
  };
  browser.on('targetcreated', onTarget);
  return {
    errors: () => [...errors],
    extensionErrors: () => errors.filter((line) => line.startsWith('extension ')),
  };
}
