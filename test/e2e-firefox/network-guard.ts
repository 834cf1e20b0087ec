/**
 * Privacy guard for the Firefox suite: no request may leave this machine. Firefox is pointed at
 * a proxy on 127.0.0.1 for every host but 127.0.0.1 itself (where the test pages are served),
 * so any request to anywhere else, from a page, a content script, an extension page or the
 * background, reaches the proxy instead, which records it and refuses it. Unlike the DevTools
 * guard of the Chromium suite it cannot tell who sent a request; every test page here stays on
 * 127.0.0.1 (saved real pages are served with a policy that keeps them there), so whoever it was
 * broke the rule.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FirefoxNetworkGuard {
  /** Preferences that route Firefox's requests through the guard. */
  prefs: Record<string, unknown>;
  /** Requests that broke the rule, as "METHOD target" lines. */
  violations(): string[];
  stop(): Promise<void>;
}

export async function startNetworkGuard(): Promise<FirefoxNetworkGuard> {
  const seen: string[] = [];
  const record = (req: IncomingMessage) => seen.push(`${req.method} ${req.url}`);
  const proxy = createServer((req, res) => {
    record(req);
    res.writeHead(403).end();
  });
  // https and wss requests ask the proxy for a tunnel first, naming the host.
  proxy.on('connect', (req: IncomingMessage, socket) => {
    record(req);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      // Firefox sends every loopback address but 127.0.0.1 through the proxy too.
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
    violations: () => [...new Set(seen)],
    stop: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
