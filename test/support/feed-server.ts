/**
 * A feed server on 127.0.0.1 for the feed tests, unit and end-to-end: each route is one server
 * behaviour (a conditional feed, redirects, loops, a 50 MB or endless body, one byte at a time,
 * 410, 503, hostile feeds, sites that advertise feeds), and a test can serve feeds of its own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FEED_XML = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>
<link>http://127.0.0.1/</link><ttl>TTL</ttl><item><title>Xiaomi opens a plant</title><link>/a</link><guid>a</guid></item>
</channel></rss>`;

export interface FeedServer {
  url(path: string): string;
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  /** Serves `route` (or this text as RSS) at `path`, over what was there. */
  serve(path: string, route: Route | string): void;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface ItemSpec {
  title: string;
  link: string;
  description?: string;
  guid?: string;
  pubDate?: string;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** An RSS 2.0 feed of these items (text escaped, so a description may carry markup as text). */
export function rssFeed(title: string, site: string, items: readonly ItemSpec[]): string {
  const entries = items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
      (item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '') +
      (item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : '') +
      (item.description ? `<description>${escapeXml(item.description)}</description>` : '') +
      '</item>',
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${escapeXml(site)}</link>${entries.join('')}</channel></rss>`;
}

function text(body: string, type = 'application/rss+xml; charset=utf-8'): Route {
  return (_req, res) => res.writeHead(200, { 'Content-Type': type }).end(body);
}

function feed(ttl = ''): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { ETag: '"v1"' }).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/rss+xml',
      ETag: '"v1"',
      'Last-Modified': 'Tue, 03 Jun 2025 09:00:00 GMT',
    });
    res.end(FEED_XML.replace('<ttl>TTL</ttl>', ttl ? `<ttl>${ttl}</ttl>` : ''));
  };
}

function redirect(status: number, location: string): Route {
  return (_req, res) => res.writeHead(status, { Location: location }).end();
}

/** Writes 64 KB chunks until `total` bytes (or forever) or until the client goes away. */
function stream(total: number): Route {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  };
}

function trickle(): Route {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<')), 250);
    res.on('close', () => clearInterval(timer));
  };
}

/** Three feeds in the head, as a news site's page advertises them. */
const SITE_PAGE = `<!DOCTYPE html><html><head><title>Local News</title>
<link rel="alternate" type="application/rss+xml" title="Local News - Business" href="/feed">
<link rel="alternate" type="application/atom+xml" title="Local News - Markets" href="/ttl-feed">
<link rel="alternate" type="application/feed+json" title="Local News - Tech" href="/cached">
</head><body><p>Today's news.</p></body></html>`;

const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>&lol2;</title><item><title>Xiaomi &lol2;</title><link>http://127.0.0.1/lol</link></item></channel></rss>`;

const ROUTES: Record<string, Route> = {
  '/site': text(SITE_PAGE, 'text/html; charset=utf-8'),
  '/site-without-feeds': text(
    '<!DOCTYPE html><html><head><title>Plain</title></head><body>Hi</body></html>',
    'text/html',
  ),
  '/billion-laughs': text(BILLION_LAUGHS),
  '/malformed': text('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>Xiaomi</channel>'),
  '/feed': feed(),
  '/ttl-feed': feed('180'),
  '/cached': (req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=7200');
    feed()(req, res);
  },
  '/moved': redirect(301, '/feed'),
  '/loop-a': redirect(302, '/loop-b'),
  '/loop-b': redirect(302, '/loop-a'),
  '/to-ftp': redirect(302, 'ftp://127.0.0.1/feed'),
  '/to-javascript': redirect(302, 'javascript:alert(1)'),
  '/gone': (_req, res) => res.writeHead(410).end(),
  '/busy': (_req, res) => res.writeHead(503, { 'Retry-After': '7200' }).end(),
  '/missing': (_req, res) => res.writeHead(404).end('not here'),
  '/html': (_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body>Hi</body></html>'),
  '/image': (_req, res) =>
    res
      .writeHead(200, { 'Content-Type': 'image/png' })
      .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  '/fifty-mb': stream(50 * 1024 * 1024),
  '/declared-fifty-mb': (_req, res) => res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) }).end(),
  '/endless': stream(Number.POSITIVE_INFINITY),
  '/trickle': trickle(),
};

export async function startFeedServer(): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const routes: Record<string, Route> = { ...ROUTES };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    requests.push({ path, headers: req.headers });
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    serve(path, route) {
      routes[path] = typeof route === 'string' ? text(route) : route;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
