/**
 * The page's `<meta>` tags, read once into a map keyed by lower-cased `name`, `property`,
 * `itemprop` or `http-equiv`. Cheap: a page has a few dozen meta tags, and the browser keeps
 * the element list by tag name ready, so this never walks the whole document in script.
 */
import { nonEmpty } from './text';

export interface PageMeta {
  /** The first non-empty value for the first key that has one. */
  first(...keys: string[]): string | null;
  /** Every non-empty value for `key`, in document order. */
  all(key: string): string[];
}

export function readMeta(document: Document): PageMeta {
  const values = new Map<string, string[]>();
  const tags = document.getElementsByTagName('meta');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as Element;
    const value = nonEmpty(tag.getAttribute('content'));
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const raw = tag.getAttribute(attr);
      if (!raw) continue;
      // `property="og:title twitter:title"` declares several keys at once.
      for (const key of raw.toLowerCase().split(/\s+/u)) {
        if (!key) continue;
        const list = values.get(key);
        if (list) list.push(value);
        else values.set(key, [value]);
      }
    }
  }
  return {
    first(...keys) {
      for (const key of keys) {
        const found = values.get(key)?.[0];
        if (found) return found;
      }
      return null;
    },
    all: (key) => values.get(key) ?? [],
  };
}
