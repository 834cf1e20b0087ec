import { describe, expect, it } from 'vitest';
import { feedCandidates, findFeedLinks, USUAL_FEED_PATHS } from '@/utils/feeds/discover';

const PAGE = 'https://news.example/business/story.html';

describe('findFeedLinks', () => {
  it('finds RSS, Atom and JSON Feed links, resolved against the page', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/site.css">
      <link rel="alternate" type="application/rss+xml" title="Business" href="/business/rss.xml">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF="atom.xml">
      <link rel="alternate feed" type="application/feed+json" href="https://cdn.example/feed.json">
      <link rel="alternate" type="text/html" hreflang="de" href="/de/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head><body></body></html>`;
    expect(findFeedLinks(html, PAGE)).toEqual([
      { url: 'https://news.example/business/rss.xml', title: 'Business', type: 'rss' },
      { url: 'https://news.example/business/atom.xml', title: null, type: 'atom' },
      { url: 'https://cdn.example/feed.json', title: null, type: 'json' },
    ]);
  });

  it('honours <base href> and ignores links in comments and scripts', () => {
    const html = `<head><base href="https://static.example/x/"><!-- <link rel="alternate" type="application/rss+xml" href="/old"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/js">')</script>
      <link rel="alternate" type="application/rss+xml" href="feed"></head>`;
    expect(findFeedLinks(html, PAGE).map((f) => f.url)).toEqual(['https://static.example/x/feed']);
  });

  it('finds nothing in a page without feed links', () => {
    expect(findFeedLinks('<html><head><title>Home</title></head><body><a href="/rss">RSS</a></body>', PAGE)).toEqual(
      [],
    );
  });
});

describe('feedCandidates', () => {
  it('puts the advertised feeds first, then the usual paths on the site, once each', () => {
    const html = '<link rel="alternate" type="application/rss+xml" href="/feed">';
    const urls = feedCandidates(html, PAGE).map((c) => c.url);
    expect(urls[0]).toBe('https://news.example/feed');
    expect(urls).toContain('https://news.example/rss.xml');
    expect(urls).toContain('https://news.example/atom.xml');
    expect(urls).toContain('https://news.example/index.xml');
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(USUAL_FEED_PATHS.length);
  });
});
