import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeptArticle } from '@/utils/content/kept-article';
import { type ContentSession, startContentSession } from '@/utils/content/session';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { MAX_TEXT_LENGTH, readPageForSuggestions } from '@/utils/suggest/page';

const URL = 'https://news.example/business/xiaomi-results';
const running: AbortController[] = [];
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
});

const ARTICLE_HEAD =
  '<title>Xiaomi profit jumps - The Test Courier</title><meta property="og:type" content="article">' +
  '<meta property="og:site_name" content="The Test Courier">' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Xiaomi profit jumps"}</script>';
const ARTICLE_BODY =
  '<nav>Markets Tech</nav><article><h1>Xiaomi profit jumps</h1>' +
  '<p>Xiaomi Corp said on Thursday that its quarterly profit rose as phone sales recovered in China.</p>' +
  '<p>Samsung Electronics reports its results next week, analysts at the bank said.</p></article>';

/** A content-script session on an article naming Xiaomi (or a list of links), with `tracked` as the tracked list. */
async function readArticle(tracked: string[], articleMarkup = true, settings = DEFAULT_SETTINGS) {
  document.head.innerHTML = articleMarkup ? ARTICLE_HEAD : '<title>Markets - The Test Courier</title>';
  document.body.innerHTML = articleMarkup
    ? ARTICLE_BODY
    : '<nav>Markets Tech</nav><ul><li><a href="/a">Xiaomi shares rise</a></li><li><a href="/b">Apple falls</a></li></ul>';
  const controller = new AbortController();
  running.push(controller);
  const session = startContentSession(
    { document, url: () => URL, isTopFrame: true, signal: controller.signal, report: async () => undefined },
    { entities: tracked.map((name, i) => createEntity({ name }, i)), settings },
  );
  await session.idle();
  return session;
}

/**
 * Whether the session answers with an article it kept rather than the page as it is: the page's
 * story is swapped for another while it answers (in one task, so nothing else runs meanwhile).
 */
function answersKept(session: ContentSession): boolean {
  const body = document.body.innerHTML;
  document.body.innerHTML =
    '<article><h1>Globex merges</h1><p>Globex Corp and Initech Inc agreed a merger.</p></article>';
  const reading = session.readForSuggestions();
  document.body.innerHTML = body;
  return reading?.text.includes('Xiaomi Corp said on Thursday') === true;
}

describe('the article the content script keeps for the suggestions', () => {
  it('is the headline, publisher and main text it read, at the address it read them at', async () => {
    const session = await readArticle(['Apple']);
    expect(answersKept(session)).toBe(true);
    expect(session.readForSuggestions()).toMatchObject({
      url: URL,
      title: 'Xiaomi profit jumps',
      publisher: 'The Test Courier',
    });
    expect(session.readForSuggestions()?.text).not.toContain('Markets Tech');
  });

  it('with nothing tracked yet, is read once the page is idle, so the popup need not read the page', async () => {
    const session = await readArticle([]);
    expect(answersKept(session)).toBe(false);
    await vi.waitFor(() => expect(answersKept(session)).toBe(true));
  });

  it('is not read where the person switched the site off, nor on a page that is not an article', async () => {
    const off = await readArticle([], true, { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answersKept(off)).toBe(false);
    const links = await readArticle([], false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(links.readForSuggestions()).toBeNull();
    // Negative control: the same wait on an article of a site that is on.
    const on = await readArticle([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answersKept(on)).toBe(true);
  });

  it('is the verdict "not an article" on a page that is not one, so the popup reads nothing there', async () => {
    expect((await readArticle(['Apple'], false)).readForSuggestions()).toBeNull();
    expect((await readArticle(['Apple'])).readForSuggestions()).not.toBeNull();
  });
});

describe('what the kept article answers', () => {
  const ARTICLE =
    '<head><title>Siemens and Nokia sign network deal - The Test Courier</title>' +
    '<meta property="og:site_name" content="The Test Courier"></head>' +
    '<body><article><h1>Siemens and Nokia sign network deal</h1>' +
    '<p>Siemens AG and Nokia Oyj agreed on Tuesday to build private networks for factories.</p></article></body>';
  const story = {
    title: 'Xiaomi profit jumps',
    publisher: 'The Test Courier',
    text: 'Xiaomi Corp said on Thursday its profit rose. Xiaomi Inc. sells phones.',
  };
  /** A kept article over a page, at the address `at()` gives. */
  function keptOn(at: () => string) {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.innerHTML = ARTICLE;
    return { doc, kept: createKeptArticle({ document: doc, url: at, signal: new AbortController().signal }) };
  }

  it('is the story kept at this address, instead of the page read again', () => {
    const { kept } = keptOn(() => URL);
    kept.keep(URL, story);
    expect(kept.reading()).toEqual({ ...story, url: URL });
  });

  it('is the page read now at another address (a single-page app moved on)', () => {
    let url = URL;
    const { doc, kept } = keptOn(() => url);
    kept.keep(URL, story);
    url = 'https://news.example/other-story';
    expect(kept.reading()).toEqual(readPageForSuggestions(doc, url));
  });

  it('is cut to the length a page is read to', () => {
    const { kept } = keptOn(() => URL);
    kept.keep(URL, { ...story, text: 'Xiaomi '.repeat(MAX_TEXT_LENGTH) });
    expect(kept.reading()?.text).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('is null where the page was found not to be an article, and the page elsewhere or once judged one', () => {
    let url = URL;
    const { kept } = keptOn(() => url);
    kept.judged(URL, false);
    expect(kept.reading()).toBeNull();
    url = `${URL}/today`;
    expect(kept.reading()?.title).toBe('Siemens and Nokia sign network deal');
    url = URL;
    kept.judged(URL, true);
    expect(kept.reading()?.title).toBe('Siemens and Nokia sign network deal');
  });
});
