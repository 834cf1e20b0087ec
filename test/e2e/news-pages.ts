/**
 * Fictional news pages built on the fly for end-to-end tests that need many stories (the
 * popup's density, its dates): each is a NewsArticle with a headline, publisher, publication
 * date and a few paragraphs, served by the test server under /news/<slug>.html.
 */
import type { StaticServer } from '../support/static-server';

export interface NewsPage {
  slug: string;
  title: string;
  publisher: string;
  published: string;
  /** Paragraphs of the body; a paragraph starting with "## " is a subheading. */
  body: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

export function newsPageHtml(page: NewsPage): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    datePublished: page.published,
    articleSection: 'Business',
    publisher: { '@type': 'Organization', name: page.publisher },
  });
  const body = page.body
    .map((p) => (p.startsWith('## ') ? `<h2>${escapeHtml(p.slice(3))}</h2>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n    ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(page.title)} - ${escapeHtml(page.publisher)}</title>
  <meta property="og:type" content="article">
  <meta property="og:title" content="${escapeHtml(page.title)}">
  <meta property="og:site_name" content="${escapeHtml(page.publisher)}">
  <meta property="article:section" content="Business">
  <meta property="article:published_time" content="${page.published}">
  <script type="application/ld+json">${jsonLd}</script>
</head>
<body>
  <article>
    <h1>${escapeHtml(page.title)}</h1>
    <p class="byline">By Lena Moreau</p>
    ${body}
  </article>
  <footer>A page written for News Tracker's end-to-end tests; the events are fictional.</footer>
</body>
</html>`;
}

/** Serves each page at /news/<slug>.html; returns their paths. */
export function serveNewsPages(server: StaticServer, pages: readonly NewsPage[]): string[] {
  return pages.map((page) => {
    const path = `/news/${page.slug}.html`;
    server.route(path, { body: newsPageHtml(page) });
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
