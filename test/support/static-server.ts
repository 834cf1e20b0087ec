/**
 * A tiny static file server on 127.0.0.1 (random port) for demo and test pages.
 * Extra routes can be added in memory, for pages a test builds on the fly.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export interface Route {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  origin: string;
  url(pathname: string): string;
  /** Serves `body` at `pathname` from now on. */
  route(pathname: string, route: Route): void;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const routes = new Map<string, Route>();
  const base = path.resolve(root);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const route = routes.get(pathname);
    if (route) {
      res.writeHead(200, { 'content-type': route.type ?? TYPES['.html'], ...route.headers });
      res.end(route.body);
      return;
    }
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    route: (pathname, r) => routes.set(pathname, r),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
