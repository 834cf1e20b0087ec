/**
 * Privacy guard for the end-to-end suite: News Tracker must make no network request of its own.
 * Playwright reports the requests of pages, extension pages and the extension's service worker;
 * the only allowed traffic is the test server's own pages (loaded by the test) and the
 * extension's packaged files.
 */
import type { BrowserContext, Request } from 'playwright-core';

const ALWAYS_ALLOWED = ['chrome-extension:', 'data:', 'blob:', 'about:'];

export interface NetworkGuard {
  /** Requests that broke the rule, as "origin -> url" lines. */
  violations(): string[];
}

function describeInitiator(request: Request): string {
  if (request.serviceWorker()) return `service worker ${request.serviceWorker()?.url()}`;
  try {
    return `frame ${request.frame().url()}`;
  } catch {
    return 'unknown initiator';
  }
}

export function watchNetwork(context: BrowserContext, testServerOrigin: string): NetworkGuard {
  const bad: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (ALWAYS_ALLOWED.includes(url.protocol)) return;
    const fromExtension =
      request.serviceWorker() !== null ||
      (() => {
        try {
          return request.frame().url().startsWith('chrome-extension:');
        } catch {
          return false;
        }
      })();
    // Extension code may load only its own files; pages may load only from the test server.
    if (fromExtension || url.origin !== testServerOrigin) bad.push(`${describeInitiator(request)} -> ${request.url()}`);
  });
  return { violations: () => [...bad] };
}
