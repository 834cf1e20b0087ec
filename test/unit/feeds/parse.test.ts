import { parseFeed as feedsmithParse } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FeedError } from '@/utils/feeds/errors';
import { parseFeedBytes, parseFeedText } from '@/utils/feeds/parse';
import { HAVE_CORPORA, sharedFeed } from './corpus';

const URL_ = 'https://news.example/feed.xml';
const utf8 = (text: string) => new TextEncoder().encode(text);

function failure(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

function rss(items: string, prolog = '<?xml version="1.0"?>'): string {
  return `${prolog}<rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>${items}</channel></rss>`;
}

/** Entity declarations nesting `levels` deep, each referring to the previous one ten times. */
function entityBomb(levels: number): string {
  const decls = ['<!ENTITY e0 "lol">'];
  for (let i = 1; i <= levels; i++) decls.push(`<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE rss [${decls.join('')}]>${rss(`<item><title>&e${levels};</title></item>`, '')}`;
}

describe('parseFeedText', () => {
  it('reads an RSS item into the small item shape', () => {
    const feed = parseFeedText(
      rss(`<item><title>Xiaomi &amp; Leica</title><link>/2024/xiaomi</link><guid isPermaLink="false">42</guid>
        <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate><description>&lt;p&gt;Lead &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description>
        <dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann Lee</dc:creator></item>`),
      URL_,
    );
    expect(feed).toMatchObject({ format: 'rss', title: 'Wire', siteUrl: 'https://news.example/' });
    expect(feed.items).toEqual([
      {
        guid: '42',
        title: 'Xiaomi & Leica',
        link: 'https://news.example/2024/xiaomi',
        published: Date.UTC(2003, 5, 3, 9, 39, 21),
        summary: 'Lead text',
        content: '',
        author: 'Ann Lee',
      },
    ]);
  });

  it('refuses a DOCTYPE that declares entities, and parses one that only names a DTD', () => {
    expect(failure(() => parseFeedText(entityBomb(3), URL_)).kind).toBe('entities');
    const netscape =
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">';
    expect(parseFeedText(rss('<item><title>Plain</title></item>', netscape), URL_).items[0]?.title).toBe('Plain');
  });

  it('leaves declared entities unexpanded even in the parser itself (twelve levels: 10^12 if expanded)', () => {
    const started = performance.now();
    const result = feedsmithParse(entityBomb(12)) as { feed: { items: Array<{ title: string }> } };
    expect(result.feed.items[0]?.title).toBe('&e12;');
    // Expansion would need terabytes; unexpanded it is instant, so any bound far above that proves it.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('gives each thing that is not a feed its own message', () => {
    expect(failure(() => parseFeedText('<!DOCTYPE html><html><body>Hi</body></html>', URL_)).kind).toBe('html');
    expect(failure(() => parseFeedText('<note><to>Tove</to></note>', URL_)).message).toContain('<note>');
    expect(failure(() => parseFeedText('{"version": "1.0", "items": []}', URL_)).message).toContain('"1.0"');
    expect(failure(() => parseFeedText('{"title": "cut', URL_)).kind).toBe('bad-json');
    expect(failure(() => parseFeedText('<opml version="2.0"><body/></opml>', URL_)).kind).toBe('opml');
    expect(failure(() => parseFeedText('   ', URL_)).kind).toBe('empty');
    expect(failure(() => parseFeedText('just words', URL_)).kind).toBe('malformed');
  });

  it('calls XML that breaks off inside an item broken, and an empty channel an empty feed', () => {
    expect(failure(() => parseFeedText('<rss><channel><item><title>Cut', URL_)).kind).toBe('malformed');
    expect(parseFeedText('<rss></rss>', URL_).items).toEqual([]);
  });

  it('reads a JSON Feed 1.1 with its plain-text fields', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Blog &#8211; Co',
      home_page_url: 'https://co.example/',
      items: [{ id: 7, url: 'post/7', title: 'Seven', content_text: 'A <b> is text here', authors: [{ name: 'Bo' }] }],
    });
    const feed = parseFeedText(json, 'https://co.example/feed.json');
    expect(feed.title).toBe('Blog – Co');
    expect(feed.items[0]).toMatchObject({
      guid: '7',
      link: 'https://co.example/post/7',
      content: 'A <b> is text here',
    });
  });

  it('resolves links against the item xml:base, then the feed xml:base, then the feed address', () => {
    const feed = parseFeedText(
      `<rss version="2.0" xml:base="https://example.com/"><channel><title>t</title>
        <item xml:base="posts/"><title>a</title><link>one</link></item><item><title>b</title><link>two</link></item>
      </channel></rss>`,
      URL_,
    );
    expect(feed.items.map((i) => i.link)).toEqual(['https://example.com/posts/one', 'https://example.com/two']);
  });

  it('keeps only http(s) links', () => {
    const feed = parseFeedText(
      rss(
        '<item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title><link>data:text/html,x</link></item>',
      ),
      URL_,
    );
    expect(feed.items.map((i) => i.link)).toEqual([null, null]);
  });
});

describe('parseFeedBytes', () => {
  it('refuses an image by its bytes, and by its Content-Type', () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    expect(failure(() => parseFeedBytes(png, URL_)).message).toContain('image (PNG)');
    expect(failure(() => parseFeedBytes(utf8('GIF-ish'), URL_, 'image/gif')).kind).toBe('image');
    expect(parseFeedBytes(utf8(rss('')), URL_, 'application/rss+xml').title).toBe('Wire');
  });

  it.skipIf(!HAVE_CORPORA)('reads the shared hostile files as text only', () => {
    const script = parseFeedBytes(sharedFeed('fp--description-script-cdata'), URL_);
    expect(script.items[0]?.summary).toBe('safe description');
    const onerror = parseFeedBytes(sharedFeed('fp--content-onerror'), URL_);
    expect(onerror.items[0]?.content).toBe('');
    expect(parseFeedBytes(sharedFeed('fp--malicious-comment-title'), URL_).title).toBe('safe');
    const nested = parseFeedBytes(sharedFeed('fp--nested-cdata-script'), URL_);
    expect(nested.items[0]?.content).not.toMatch(/script/iu);
    const pre = parseFeedBytes(sharedFeed('fj--atom-escaped-html-pre'), URL_);
    expect(pre.items[0]?.content).toBe('This is escaped html:\n<b>test<b>');
  });

  it.skipIf(!HAVE_CORPORA)('refuses the shared billion-laughs file', () => {
    expect(failure(() => parseFeedBytes(sharedFeed('fprs--billion-laughs'), URL_)).kind).toBe('entities');
  });

  it.skipIf(!HAVE_CORPORA)('names what the shared non-feeds are', () => {
    const kinds = ['nfp--notafeed-html', 'rsp--unrecognized-html', 'gof--unknown-xml', 'gof--empty-file'].map(
      (id) => failure(() => parseFeedBytes(sharedFeed(id), URL_)).kind,
    );
    expect(kinds).toEqual(['html', 'html', 'not-a-feed', 'empty']);
    expect(failure(() => parseFeedBytes(sharedFeed('gof--json-invalid', 'json'), URL_)).kind).toBe('bad-json');
    expect(failure(() => parseFeedBytes(sharedFeed('fp--illformed-truncated'), URL_)).kind).toBe('malformed');
  });

  it.skipIf(!HAVE_CORPORA)('recovers real feeds that strict XML parsers reject', () => {
    expect(parseFeedBytes(sharedFeed('fj--techcrunch'), URL_).items).toHaveLength(20);
    expect(parseFeedBytes(sharedFeed('nfp--saxerror'), URL_).items).toHaveLength(3);
  });
});
