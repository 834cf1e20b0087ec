/**
 * Fictional news pages built on the fly for end-to-end tests that need many stories (the
 * popup's density, its dates), served by the test server under /news/<slug>.html.
 */
import { articleHtml } from '../fixtures/store/articles';
import type { StaticServer } from '../support/static-server';

export interface NewsPage {
  slug: string;
  title: string;
  publisher: string;
  published: string;
  /** Paragraphs of the body; a paragraph starting with "## " is a subheading. */
  body: string[];
}

/** Serves each page at /news/<slug>.html; returns their paths. */
export function serveNewsPages(server: StaticServer, pages: readonly NewsPage[]): string[] {
  return pages.map((page) => {
    const path = `/news/${page.slug}.html`;
    const html = articleHtml({
      path,
      canonical: `https://news.example${path}`,
      headline: page.title,
      publisher: page.publisher,
      section: 'Business',
      paragraphs: page.body,
      published: page.published,
    });
    server.route(path, { body: html });
    return path;
  });
}

/** A page that is plainly not a news article: a list of market prices. */
export function serveNonArticle(server: StaticServer): string {
  const rows = ['Orbital Foods 41.20', 'Lumen Energy 18.75', 'Kestrel Air 7.10']
    .map((row) => `<li><a href="/quote/${row.split(' ')[0]}">${row}</a></li>`)
    .join('');
  server.route('/markets.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Market prices</title></head><body><nav><a href="/">Home</a></nav><h1>Prices</h1><ul>${rows}</ul></body></html>`,
  });
  return '/markets.html';
}
