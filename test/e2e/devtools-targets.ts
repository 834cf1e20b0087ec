/**
 * Listens to every target of a Chromium through the DevTools protocol: tabs, frames that run in
 * their own process, workers, and the extension's service worker and pages. Playwright's own
 * sessions drive the browser; this one only listens, from a separate browser-level session, so
 * the guards built on it (network-guard.ts, error-guard.ts) see the raw protocol events, with
 * details Playwright does not pass on (who initiated a request, which world threw).
 *
 * Browser-level auto-attach needs the flattened protocol, which Playwright's public CDP session
 * cannot route, so each target is attached on its own as soon as the browser announces it.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface WatchedTarget {
  targetId: string;
  type: string;
  url: string;
}

/** A protocol event from one target; params are raw protocol JSON. */
export type TargetListener = (target: WatchedTarget, method: string, params: Record<string, unknown>) => void;

export interface TargetWatch {
  /** Resolves once every target announced so far is attached and its domains enabled. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Targets that run web content or extension code; the rest (the browser UI) is not ours to judge. */
const WATCHED_TYPES = new Set([
  'page',
  'iframe',
  'worker',
  'shared_worker',
  'service_worker',
  'background_page',
  'other',
]);

export async function watchTargets(
  context: BrowserContext,
  domains: readonly string[],
  listener: TargetListener,
): Promise<TargetWatch> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser-level DevTools session for this context.');
  const session: CDPSession = await browser.newBrowserCDPSession();
  const targets = new Map<string, WatchedTarget>();
  const bySession = new Map<string, WatchedTarget>();
  const pending = new Set<Promise<void>>();
  let nextId = 1;

  const send = (sessionId: string, method: string) =>
    session
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: nextId++, method, params: {} }),
      })
      // A target that closes while being attached has nothing left to report.
      .catch(() => {});

  const attach = async (info: TargetInfo) => {
    if (!WATCHED_TYPES.has(info.type) || targets.has(info.targetId)) return;
    const target: WatchedTarget = { targetId: info.targetId, type: info.type, url: info.url };
    targets.set(info.targetId, target);
    try {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      bySession.set(sessionId, target);
      await Promise.all(domains.map((domain) => send(sessionId, `${domain}.enable`)));
    } catch {
      // Closed before it could be attached.
    }
  };
  const track = (info: TargetInfo) => {
    const attaching = attach(info);
    pending.add(attaching);
    void attaching.finally(() => pending.delete(attaching));
  };

  session.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => track(e.targetInfo));
  session.on('Target.targetInfoChanged', (e: { targetInfo: TargetInfo }) => {
    const known = targets.get(e.targetInfo.targetId);
    if (known) known.url = e.targetInfo.url;
  });
  session.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const target = bySession.get(e.sessionId);
    const message = JSON.parse(e.message) as { method?: string; params?: Record<string, unknown> };
    if (target && message.method) listener(target, message.method, message.params ?? {});
  });
  await session.send('Target.setDiscoverTargets', { discover: true });

  return {
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async stop() {
      await session.detach().catch(() => {});
    },
  };
}

/** Every script URL on a protocol stack trace, including the async parents of the call. */
export function stackUrls(stack: unknown): string[] {
  const urls: string[] = [];
  for (let s = stack as StackTrace | undefined; s; s = s.parent) {
    for (const frame of s.callFrames ?? []) if (frame.url) urls.push(frame.url);
  }
  return urls;
}

interface StackTrace {
  callFrames?: { url?: string }[];
  parent?: StackTrace;
}
