import type { Page } from 'playwright-core';

/** Total number of ranges painted in the page's CSS highlight registry. */
export async function highlightedRangeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const highlight of CSS.highlights.values()) ranges += highlight.size;
    return ranges;
  });
}

/** The highlighted text, in document order. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const highlight of CSS.highlights.values()) for (const r of highlight) ranges.push(r as Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}
