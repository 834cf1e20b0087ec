import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highlighting } from '@/utils/content/highlighting';
import { createPagePanel, panelSections } from '@/utils/content/page-panel';
import { createEntity } from '@/utils/entities';
import { createHighlightPainter } from '@/utils/highlight/highlight-api';
import { createPageHighlights, type PageHighlights } from '@/utils/highlight/page-highlights';
import { createSlicer } from '@/utils/highlight/slicer';
import { compileMatcher } from '../../support/compile-matcher';
import { installFakeHighlightApi, nextFrame } from '../highlight/fake-highlight-api';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);

/** A Highlighting that holds one finished run. */
function highlightingOf(current: PageHighlights): Highlighting {
  return {
    current,
    running: true,
    start: async () => {},
    stop() {},
    ignore() {},
    idle: async () => {},
  };
}

describe('the page panel stepping through mentions', () => {
  let api: ReturnType<typeof installFakeHighlightApi>;
  const shadows: ShadowRoot[] = [];
  beforeEach(() => {
    api = installFakeHighlightApi();
    shadows.length = 0;
    // The panel's shadow root is closed: keep it, to press its buttons as a person would.
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      const shadow = attach.call(this, init);
      shadows.push(shadow);
      return shadow;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('paints the mention it steps to before scrolling to it, though it was far from the viewport', async () => {
    document.body.innerHTML = '<p>Xiaomi at the top.</p><p>Xiaomi far below.</p>';
    const page = createPageHighlights(document, compileMatcher([xiaomi]), [xiaomi], {
      paint: true,
      painter: createHighlightPainter(),
    });
    await page.scan([document.body], createSlicer());
    const [top] = document.querySelectorAll('p');
    api.scroll([top as Element]);
    await nextFrame();
    expect(api.painted()).toEqual(['Xiaomi']);

    const seenAtScroll: { element: string; focused: string[]; painted: number }[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      seenAtScroll.push({ element: this.textContent ?? '', focused: api.focused(), painted: api.paintedCount() });
    });
    const panel = createPagePanel(document, highlightingOf(page));
    panel.show(panelSections([xiaomi], page.counts(), null));
    const next = shadows[0]?.querySelector<HTMLButtonElement>('button[aria-label="Next mention"]');
    next?.click();
    next?.click();
    expect(seenAtScroll).toEqual([
      { element: 'Xiaomi at the top.', focused: ['Xiaomi'], painted: 1 },
      { element: 'Xiaomi far below.', focused: ['Xiaomi'], painted: 2 },
    ]);
    panel.remove();
  });
  it('keeps the step it shows up to date as later scans find more mentions', async () => {
    document.body.innerHTML = '<p id="first">Xiaomi at the top.</p>';
    const page = createPageHighlights(document, compileMatcher([xiaomi]), [xiaomi], {
      paint: true,
      painter: createHighlightPainter(),
    });
    await page.scan([document.body], createSlicer());
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    const panel = createPagePanel(document, highlightingOf(page));
    panel.show(panelSections([xiaomi], page.counts(), null));
    const footer = () => shadows.at(-1)?.querySelector('[aria-live]')?.textContent;
    shadows[0]?.querySelector<HTMLButtonElement>('button[aria-label="Next mention of Xiaomi"]')?.click();
    expect(footer()).toBe('Xiaomi: 1 of 1');
    // The page grows; the scan finds a second mention and the panel is shown again with it.
    const later = document.createElement('p');
    later.textContent = 'Xiaomi further down.';
    document.body.append(later);
    await page.scan([later], createSlicer());
    panel.show(panelSections([xiaomi], page.counts(), null));
    expect(footer()).toBe('Xiaomi: 1 of 2');
    // Before any step, the footer counts what is highlighted (negative control: not a step).
    panel.remove();
    panel.show(panelSections([xiaomi], page.counts(), null));
    expect(footer()).toBe('2 highlighted');
    panel.remove();
  });
});
