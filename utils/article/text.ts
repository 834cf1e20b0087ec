/** Small text helpers shared by the extraction modules. */

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** A comparison key: NFKC, case-folded, letters and digits only. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** NodeFilter.SHOW_TEXT, which is no global where pages are read outside a browser (scripts/analyze.ts). */
const SHOW_TEXT = 4;

/**
 * The element's text when it is at most `max` characters long, otherwise null. It reads no
 * further than that: the element may hold a whole story, megabytes on a huge page.
 */
export function shortTextOf(element: Element, max: number): string | null {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node as Text).data;
    if (text.length > max) return null;
  }
  return text;
}

/** The string, or null when it is empty after trimming. */
export function nonEmpty(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = collapseSpace(text);
  return trimmed ? trimmed : null;
}

export function looksLikeUrl(text: string): boolean {
  return /^(https?:)?\/\/|^www\.[a-z0-9-]+\./iu.test(text.trim());
}

/**
 * The labels of a host a reader might call the site by: ["reuters"] for www.reuters.com,
 * ["bbc"] for www.bbc.co.uk, ["abcnews", "go"] for abcnews.go.com. Used to recognise site
 * names in titles.
 */
export function siteLabels(hostname: string): string[] {
  const labels = hostname
    .toLowerCase()
    .split('.')
    .filter((l) => l.length > 0);
  while (labels.length > 1 && /^(www\d?|m|amp|mobile|edition)$/u.test(labels[0] ?? '')) labels.shift();
  const last = labels.pop();
  // Two-part public suffixes such as co.uk, com.au or ne.jp.
  if (last && last.length === 2 && /^(co|com|org|net|gov|ac|edu|ne|or|go)$/u.test(labels[labels.length - 1] ?? '')) {
    if (labels.length > 1) labels.pop();
  }
  return labels;
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
