import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEntity } from '@/utils/entities';
import { createHighlightPainter } from '@/utils/highlight/highlight-api';
import { createPageHighlights } from '@/utils/highlight/page-highlights';
import { createSlicer } from '@/utils/highlight/slicer';
import { MARK_TAG } from '@/utils/highlight/wrap';
import { compileMatcher } from '../../support/compile-matcher';
import { installFakeHighlightApi, nextFrame } from './fake-highlight-api';

const xiaomi = createEntity({ name: 'Xiaomi', color: '#81d4fa' }, 0);
const apple = createEntity({ name: 'Apple', color: '#a5d6a7' }, 1);
const entities = [xiaomi, apple];

async function highlight(html: string) {
  document.body.innerHTML = html;
  const page = createPageHighlights(document, compileMatcher(entities), entities, {
    paint: true,
    painter: createHighlightPainter(),
  });
  await page.scan([document.body], createSlicer());
  return page;
}

const paragraphs = () => [...document.querySelectorAll('p')];

describe('the Custom Highlight painter', () => {
  let api: ReturnType<typeof installFakeHighlightApi>;
  beforeEach(() => {
    api = installFakeHighlightApi();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('counts every mention but registers ranges only for those near the viewport', async () => {
    const page = await highlight('<p>Xiaomi rose.</p><p>Apple fell.</p><p>Xiaomi and Apple</p>');
    expect(page.counts()).toEqual(
      new Map([
        [xiaomi.id, 2],
        [apple.id, 2],
      ]),
    );
    // Nothing is near until the observer says so: no range at all, though four mentions were found.
    await nextFrame();
    expect(api.painted()).toEqual([]);
    api.scroll(paragraphs().slice(0, 1));
    expect(api.painted()).toEqual(['Xiaomi']);
    // Control: once every block is near, every mention is registered.
    api.scroll(paragraphs());
    expect(api.painted()).toEqual(['Xiaomi', 'Apple', 'Xiaomi', 'Apple']);
  });

  it('paints more as the reader scrolls and takes off what scrolled away', async () => {
    await highlight('<p>Xiaomi rose.</p><p>Apple fell.</p><p>Xiaomi and Apple</p>');
    const [first, second, third] = paragraphs() as unknown as [Element, Element, Element];
    api.scroll([first]);
    api.scroll([second]);
    expect(api.painted()).toEqual(['Xiaomi', 'Apple']);
    api.scroll([first], false);
    api.scroll([third]);
    expect(api.painted()).toEqual(['Apple', 'Xiaomi', 'Apple']);
  });

  it('paints a mention found later in a block near the viewport by the next frame', async () => {
    const page = await highlight('<p>Nothing yet.</p><p>Apple fell.</p>');
    const [first] = paragraphs() as unknown as [Element];
    api.scroll(paragraphs());
    expect(api.painted()).toEqual(['Apple']);
    first.textContent = 'Xiaomi rose.';
    await page.scan([first], createSlicer());
    await nextFrame();
    expect(api.painted()).toEqual(['Xiaomi', 'Apple']);
  });

  it('spreads a large change over frames: a few hundred ranges in each, all of them in the end', async () => {
    await highlight('<p>Xiaomi</p>'.repeat(1000));
    api.scroll(paragraphs());
    const counts = [api.paintedCount()];
    while (counts.at(-1) !== 1000 && counts.length < 10) {
      await nextFrame();
      counts.push(api.paintedCount());
    }
    expect(counts.at(-1)).toBe(1000);
    // No frame registered more than a few hundred at once.
    const added = counts.map((n, i) => n - (counts[i - 1] ?? 0));
    expect(Math.max(...added)).toBeLessThanOrEqual(400);
    expect(counts.length).toBeGreaterThanOrEqual(3);
  });

  it('paints the mention it is asked to focus at once, far from the viewport, and takes it off after', async () => {
    const page = await highlight('<p>Xiaomi rose.</p><p>Apple fell.</p>');
    api.scroll(paragraphs().slice(0, 1));
    const apple = page.mentions[1];
    page.focus(apple ?? null);
    expect(api.focused()).toEqual(['Apple']);
    expect(api.painted()).toEqual(['Xiaomi', 'Apple']);
    page.focus(null);
    expect(api.focused()).toEqual([]);
    expect(api.painted()).toEqual(['Xiaomi']);
  });

  it('leaves the DOM as it was: no element is added', async () => {
    const html = '<p>Xiaomi and <em>Apple</em></p>';
    await highlight(html);
    api.scroll(paragraphs());
    expect(document.body.innerHTML).toBe(html);
  });
});

describe('where the Custom Highlight API is missing', () => {
  it('wraps every mention, those far from the viewport too, as before', async () => {
    // happy-dom has no CSS.highlights: the page picks the wrapping fallback itself.
    document.body.innerHTML = '<p>Xiaomi rose.</p><p>Apple fell.</p><p>Xiaomi and Apple</p>';
    const page = createPageHighlights(document, compileMatcher(entities), entities, { paint: true });
    await page.scan([document.body], createSlicer());
    expect([...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual([
      'Xiaomi',
      'Apple',
      'Xiaomi',
      'Apple',
    ]);
  });

  it('control: with the API present, the same page gets no wrapper', async () => {
    installFakeHighlightApi();
    try {
      document.body.innerHTML = '<p>Xiaomi rose.</p><p>Apple fell.</p>';
      const page = createPageHighlights(document, compileMatcher(entities), entities, { paint: true });
      await page.scan([document.body], createSlicer());
      expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
