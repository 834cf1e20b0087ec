/**
 * Privacy guard for the end-to-end suite: News Tracker must make no network request of its own.
 * Every harness (harness.ts) runs this guard over its whole browser and fails on close when it
 * saw a violation, so the rule is checked over every end-to-end test, not in one test alone.
 *
 * Two sources, because each sees something the other cannot:
 * - the DevTools protocol, per target (devtools-targets.ts): every request of the service worker
 *   and the extension's pages, and every request a content script starts inside a web page,
 *   told apart from the page's own by the script on its initiator stack (a content script that
 *   sends data to the page's own server looks like the page's traffic to anything else);
 * - Playwright's request events, which it collects from targets it holds paused at start, so a
 *   request the service worker makes in its first moments is seen too.
 *
 * Allowed: the extension's packaged files, data:/blob:/about: URLs, the test pages' own
 * requests to the test server, requests a Content-Security-Policy refused before they left
 * the browser (DevTools announces those too, then reports them blocked), and, once a test
 * has started a feed server and said so (`allowFeedServer`), the service worker's requests
 * to exactly that server: the feeds the test watches. Nothing else of the extension's may go
 * there, not an extension page and not a content script.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { stackUrls, type WatchedTarget, watchTargets } from './devtools-targets';

const ALWAYS_ALLOWED = ['chrome-extension:', 'data:', 'blob:', 'about:'];
const EXTENSION = 'chrome-extension://';

export interface NetworkGuard {
  /** Requests that broke the rule, as "who -> url" lines. */
  violations(): string[];
  /** Lets the service worker fetch from this origin (a feed server the test runs on 127.0.0.1). */
  allowFeedServer(origin: string): void;
  /** Resolves once every target opened so far is watched. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface Initiator {
  url?: string;
  stack?: unknown;
}

function isAllowedScheme(url: string): boolean {
  return ALWAYS_ALLOWED.some((scheme) => url.startsWith(scheme));
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Who sent a request seen on a target, or null when it is the test page's own allowed traffic. */
export function judgeRequest(
  target: WatchedTarget,
  url: string,
  initiator: Initiator,
  serverOrigins: readonly string[],
  feedOrigins: ReadonlySet<string> = new Set(),
) {
  if (isAllowedScheme(url)) return null;
  if (target.type === 'service_worker' && target.url.startsWith(EXTENSION) && feedOrigins.has(originOf(url))) {
    return null;
  }
  if (target.url.startsWith(EXTENSION)) {
    return `${target.type === 'service_worker' ? 'service worker' : 'extension page'} ${target.url}`;
  }
  const script = [initiator.url ?? '', ...stackUrls(initiator.stack)].find((u) => u.startsWith(EXTENSION));
  if (script) return `content script ${script} in ${target.url}`;
  if (!serverOrigins.includes(originOf(url))) return `page ${target.url}`;
  return null;
}

function describePlaywrightRequest(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return `frame ${request.frame().url()}`;
  } catch {
    return 'unknown initiator';
  }
}

function playwrightViolation(
  request: Request,
  serverOrigins: readonly string[],
  feedOrigins: ReadonlySet<string>,
): string | null {
  if (isAllowedScheme(request.url())) return null;
  if (request.serviceWorker()?.url().startsWith(EXTENSION) && feedOrigins.has(originOf(request.url()))) return null;
  let fromExtension = request.serviceWorker() !== null;
  try {
    fromExtension ||= request.frame().url().startsWith(EXTENSION);
  } catch {
    // A request with no frame and no worker: judged by where it goes.
  }
  return fromExtension || !serverOrigins.includes(originOf(request.url())) ? describePlaywrightRequest(request) : null;
}

/** `serverOrigins`: the test server, under each name the browser is told it has. */
export async function watchNetwork(context: BrowserContext, serverOrigins: readonly string[]): Promise<NetworkGuard> {
  /** Violations by request (Playwright's Request object, or "target/requestId" from DevTools). */
  const bad = new Map<unknown, string>();
  const feedOrigins = new Set<string>();
  context.on('request', (request) => {
    const who = playwrightViolation(request, serverOrigins, feedOrigins);
    if (who) bad.set(request, `${who} -> ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    // Playwright words a request refused by a policy as "csp" (Chromium's net error: ERR_BLOCKED_BY_CSP).
    if (/^csp$|ERR_BLOCKED_BY_CSP/u.test(request.failure()?.errorText ?? '')) bad.delete(request);
  });
  const watch = await watchTargets(context, ['Network'], (target, method, params) => {
    const key = `${target.targetId}/${String(params.requestId)}`;
    if (method === 'Network.loadingFailed' && params.blockedReason === 'csp') bad.delete(key);
    if (method !== 'Network.requestWillBeSent' && method !== 'Network.webSocketCreated') return;
    const url = method === 'Network.webSocketCreated' ? String(params.url) : String(requestUrl(params));
    const who = judgeRequest(target, url, (params.initiator ?? {}) as Initiator, serverOrigins, feedOrigins);
    if (who) bad.set(key, `${who} -> ${url}`);
  });
  await watch.settled();
  return {
    violations: () => [...new Set(bad.values())],
    allowFeedServer: (origin) => void feedOrigins.add(originOf(origin)),
    settled: () => watch.settled(),
    stop: () => watch.stop(),
  };
}

function requestUrl(params: Record<string, unknown>): unknown {
  return (params.request as { url?: unknown } | undefined)?.url;
}
