import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { createPageHighlights } from '@/utils/highlight/page-highlights';
import { createSlicer } from '@/utils/highlight/slicer';
import { createWrapPainter, MARK_TAG } from '@/utils/highlight/wrap';
import { compileMatcher } from '../../support/compile-matcher';

const xiaomi = createEntity({ name: 'Xiaomi', color: '#81d4fa' }, 0);
const apple = createEntity({ name: 'Apple', color: '#a5d6a7' }, 1);

function setUp(html: string) {
  document.body.innerHTML = html;
  const entities = [xiaomi, apple];
  return createPageHighlights(document, compileMatcher(entities), entities, {
    paint: true,
    painter: createWrapPainter(document),
  });
}

const marks = () => [...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent);

describe('the wrapping fallback painter', () => {
  it('wraps every mention, including names split across inline elements, in its colour', async () => {
    const page = setUp('<p>Xia<b>omi</b> and Apple, then Xiaomi again and apple.</p>');
    await page.scan([document.body], createSlicer());
    expect(marks()).toEqual(['Xia', 'omi', 'Apple', 'Xiaomi', 'apple']);
    expect(document.body.textContent).toBe('Xiaomi and Apple, then Xiaomi again and apple.');
    const first = document.querySelector(MARK_TAG) as HTMLElement;
    expect(first.style.backgroundColor).toMatch(/rgb\(129, 212, 250\)|#81d4fa/u);
    expect(page.counts()).toEqual(
      new Map([
        [xiaomi.id, 2],
        [apple.id, 2],
      ]),
    );
  });

  it('removes every wrapper and restores the original text on clear', async () => {
    const html = '<p>Xiaomi and <em>Apple</em> and Xiaomi</p>';
    const page = setUp(html);
    await page.scan([document.body], createSlicer());
    page.clear();
    expect(document.body.innerHTML).toBe(html);
    expect(page.mentions).toEqual([]);
  });

  it('rescanning a block replaces its mentions instead of adding to them', async () => {
    const page = setUp('<p id="a">Xiaomi</p><p id="b">Apple</p>');
    await page.scan([document.body], createSlicer());
    const b = document.getElementById('b') as HTMLElement;
    b.textContent = 'Apple and Apple';
    await page.scan([b], createSlicer());
    expect(page.counts()).toEqual(
      new Map([
        [xiaomi.id, 1],
        [apple.id, 2],
      ]),
    );
  });
});
