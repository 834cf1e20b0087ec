import { describe, expect, it, vi } from 'vitest';
import { createEntity } from '@/utils/entities';
import { createPageHighlights } from '@/utils/highlight/page-highlights';
import type { Painter } from '@/utils/highlight/paint';
import { type FoundMention, scanForMentions } from '@/utils/highlight/scan';
import type { Slicer } from '@/utils/highlight/slicer';
import { compileMatcher } from '../../support/compile-matcher';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const bank = createEntity({ name: 'Bank of China' }, 1);

/** A slicer whose slice is always used up, counting how often the scan gave the page a turn. */
function eagerSlicer() {
  let pauses = 0;
  const slicer: Slicer = {
    due: () => true,
    pause: async () => void pauses++,
    longestSlice: () => 0,
  };
  return { slicer, pauses: () => pauses };
}

describe('scanForMentions', () => {
  it('pauses inside one very long text run and still finds every mention, across inline elements', async () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(4000);
    document.body.innerHTML = `<p>${filler}Xia<b>omi</b> ${filler}Bank of <i>China</i> ${filler}xiaomi.</p>`;
    const { slicer, pauses } = eagerSlicer();
    const found: FoundMention[] = [];
    await scanForMentions([document.body], compileMatcher([xiaomi, bank]), {
      slicer,
      onMention: (m) => found.push(m),
    });
    const texts = found.map((m) => {
      const range = document.createRange();
      range.setStart(m.startContainer, m.startOffset);
      range.setEnd(m.endContainer, m.endOffset);
      return range.toString();
    });
    expect(texts).toEqual(['Xiaomi', 'Bank of China', 'xiaomi']);
    expect(found.map((m) => m.entityId)).toEqual([xiaomi.id, bank.id, xiaomi.id]);
    // 336,000 characters in pieces of 32,768: the scan gave the page a turn inside the run.
    expect(pauses()).toBeGreaterThanOrEqual(10);
  });

  it('lets the browser apply the painter’s style changes before it checks visibility, and only then', async () => {
    document.body.innerHTML = '<p>Xiaomi one</p><p>plain</p><p>Xiaomi two</p><p>Xiaomi three</p>';
    let changes = 0;
    const waits: string[] = [];
    const slicer: Slicer = {
      due: () => false,
      pause: async (wait) => void waits.push(wait?.name ?? 'turn'),
      longestSlice: () => 0,
    };
    const found: string[] = [];
    await scanForMentions([document.body], compileMatcher([xiaomi]), {
      slicer,
      styleChanges: () => changes,
      onMention(m) {
        found.push(m.startContainer.data);
        // The first mention is painted at once: its style rules change.
        if (found.length === 1) changes++;
      },
    });
    expect(found).toEqual(['Xiaomi one', 'Xiaomi two', 'Xiaomi three']);
    // One wait for the frame after the one change; none before the first mention (the control)
    // nor before the third (nothing changed since).
    expect(waits).toEqual(['afterRendering']);
  });

  it('skips text hidden with CSS, but not in a frame the browser has not laid out yet', async () => {
    // What Chromium reports: in a laid-out page only the hidden paragraph has no box; in a
    // cross-origin frame not yet shown, nothing has one, the root included.
    document.body.innerHTML = '<p id="shown">Xiaomi shown</p><p id="hidden">Xiaomi hidden</p>';
    const scan = async (laidOut: boolean) => {
      const boxless = new Set<Element>(
        laidOut ? [document.getElementById('hidden') as Element] : document.querySelectorAll('*'),
      );
      const spy = vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element) {
        return !boxless.has(this);
      });
      const found: string[] = [];
      await scanForMentions([document.body], compileMatcher([xiaomi]), {
        slicer: eagerSlicer().slicer,
        onMention: (m) => found.push(m.startContainer.data),
      });
      spy.mockRestore();
      return found;
    };
    expect(await scan(true)).toEqual(['Xiaomi shown']);
    expect(await scan(false)).toEqual(['Xiaomi shown', 'Xiaomi hidden']);
  });

  it('stops at the next pause once its signal is aborted', async () => {
    document.body.innerHTML = '<p>Xiaomi</p>'.repeat(50);
    const controller = new AbortController();
    const found: FoundMention[] = [];
    const slicer: Slicer = { due: () => true, pause: async () => controller.abort(), longestSlice: () => 0 };
    await scanForMentions([document.body], compileMatcher([xiaomi]), {
      slicer,
      signal: controller.signal,
      onMention: (m) => found.push(m),
    });
    expect(found).toHaveLength(1);
  });

  it('scans again when the page removes what the walk stood on during a pause, finding each mention once', async () => {
    document.body.innerHTML =
      '<div id="ad"><p>Xiaomi sponsored</p></div><p>Samsung and Xiaomi</p><section><p>Bank of China</p></section>';
    const painted: string[] = [];
    const painter: Painter = {
      changesDom: false,
      add: (m) => void painted.push(m.entityId),
      remove: () => {},
      flush: () => {},
      focus: () => {},
      clear: () => {},
    };
    const samsung = createEntity({ name: 'Samsung' }, 2);
    const entities = [xiaomi, bank, samsung];
    const page = createPageHighlights(document, compileMatcher(entities), entities, { paint: true, painter });
    let pauses = 0;
    const slicer: Slicer = {
      due: () => true,
      // The page takes its ad out right after the walk has read it.
      pause: async () => {
        if (++pauses === 1) document.getElementById('ad')?.remove();
      },
      longestSlice: () => 0,
    };
    await page.scan([document.body], slicer);
    expect(page.mentions.map((m) => m.entityId)).toEqual([samsung.id, xiaomi.id, bank.id]);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it('walks deep nesting without running out of stack (its own walk is a loop, not recursion)', async () => {
    // 2,000 levels: happy-dom's own querySelectorAll recurses and overflows near 5,000 (Chromium's does not).

    document.body.innerHTML = `${'<div>'.repeat(2000)}Xiaomi${'</div>'.repeat(2000)}<p>Xiaomi</p>`;
    const found: FoundMention[] = [];
    await scanForMentions([document.body], compileMatcher([xiaomi]), {
      slicer: eagerSlicer().slicer,
      onMention: (m) => found.push(m),
    });
    expect(found).toHaveLength(2);
  });
});
