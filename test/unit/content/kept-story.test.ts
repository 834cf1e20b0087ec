import { afterEach, describe, expect, it, vi } from 'vitest';
import { judgedNotAnArticle, keptStory } from '@/utils/content/kept-story';
import { startContentSession } from '@/utils/content/run';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const URL = 'https://news.example/business/xiaomi-results';
const running: AbortController[] = [];

/** A content-script session on an article naming Xiaomi, with `tracked` as the tracked list. */
async function readArticle(tracked: string[], articleMarkup = true, settings = DEFAULT_SETTINGS): Promise<void> {
  document.head.innerHTML = articleMarkup
    ? '<title>Xiaomi profit jumps - The Test Courier</title><meta property="og:type" content="article">' +
      '<meta property="og:site_name" content="The Test Courier">' +
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Xiaomi profit jumps"}</script>'
    : '<title>Markets - The Test Courier</title>';
  document.body.innerHTML = articleMarkup
    ? '<nav>Markets Tech</nav><article><h1>Xiaomi profit jumps</h1>' +
      '<p>Xiaomi Corp said on Thursday that its quarterly profit rose as phone sales recovered in China.</p>' +
      '<p>Samsung Electronics reports its results next week, analysts at the bank said.</p></article>'
    : '<nav>Markets Tech</nav><ul><li><a href="/a">Xiaomi shares rise</a></li><li><a href="/b">Apple falls</a></li></ul>';
  const controller = new AbortController();
  running.push(controller);
  const session = startContentSession(
    { document, url: () => URL, isTopFrame: true, signal: controller.signal, report: async () => undefined },
    { entities: tracked.map((name, i) => createEntity({ name }, i)), settings },
  );
  await session.idle();
}

describe('the story kept for the suggestion script', () => {
  afterEach(() => {
    for (const controller of running.splice(0)) controller.abort();
    (globalThis as Record<symbol, unknown>)[Symbol.for('news-tracker.kept-story')] = undefined;
    (globalThis as Record<symbol, unknown>)[Symbol.for('news-tracker.not-an-article')] = undefined;
  });

  it('is the headline, publisher and main text the content script read, for the address it read them at', async () => {
    await readArticle(['Apple']);
    const kept = keptStory(URL);
    expect(kept).toMatchObject({ url: URL, title: 'Xiaomi profit jumps', publisher: 'The Test Courier' });
    expect(kept?.text).toContain('Xiaomi Corp said on Thursday');
    expect(kept?.text).not.toContain('Markets Tech');
    expect(keptStory('https://news.example/another-story')).toBeNull();
  });

  it('with nothing tracked yet, is read once the page is idle, so the popup need not read the page', async () => {
    await readArticle([]);
    expect(keptStory(URL)).toBeNull();
    await vi.waitFor(() => expect(keptStory(URL)?.title).toBe('Xiaomi profit jumps'));
  });

  it('is not read where the person switched the site off, nor on a page that is not an article', async () => {
    await readArticle([], true, { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    await readArticle([], false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(keptStory(URL)).toBeNull();
    // Negative control: the same wait on an article of a site that is on.
    await readArticle([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(keptStory(URL)).not.toBeNull();
  });

  it('is replaced by the verdict "not an article" on a page that is not one, so the suggestion script does nothing there', async () => {
    await readArticle(['Apple'], false);
    expect(keptStory(URL)).toBeNull();
    expect(judgedNotAnArticle(URL)).toBe(true);
    await readArticle(['Apple']);
    expect(judgedNotAnArticle(URL)).toBe(false);
  });
});
