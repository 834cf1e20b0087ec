import type { Frame, Page } from 'playwright-core';

/** Total number of ranges painted in the page's CSS highlight registry. */
export async function highlightedRangeCount(page: Page | Frame): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const highlight of CSS.highlights.values()) ranges += highlight.size;
    return ranges;
  });
}

/**
 * The highlighted text, in document order, with each highlight's colour. Ranges may be
 * StaticRanges (no toString), so each is copied into a live Range first.
 */
export async function highlights(page: Page | Frame): Promise<{ text: string; color: string }[]> {
  return page.evaluate(() => {
    const colorOf = new Map<string, string>();
    const sheets = [...document.adoptedStyleSheets];
    for (const sheet of sheets) {
      for (const rule of sheet.cssRules) {
        const match = /::highlight\(([^)]+)\)/u.exec((rule as CSSStyleRule).selectorText ?? '');
        if (match?.[1]) colorOf.set(match[1], (rule as CSSStyleRule).style.backgroundColor);
      }
    }
    const found: { range: Range; color: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (highlight.priority !== 0) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        found.push({ range, color: colorOf.get(name) ?? '' });
      }
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ range, color }) => ({ text: range.toString(), color }));
  });
}

/** The highlighted text, in document order. */
export async function highlightedTexts(page: Page | Frame): Promise<string[]> {
  return (await highlights(page)).map((h) => h.text);
}

/** Text of the mention the panel stepped to (painted by the one highlight with a raised priority). */
export async function focusedMentionText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const highlight of CSS.highlights.values()) {
      if (highlight.priority === 0) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }
    }
    return null;
  });
}
