/**
 * Hands the article the content script has read to the suggestion script the popup injects
 * (entrypoints/suggest.ts), so that script need not read the page a second time. Both run in the
 * extension's isolated world of the tab, which shares one global object and which the page
 * cannot see: the story is kept there, with the address it was read at. The suggestion script
 * reads the page itself when nothing is kept for the current address (nothing tracked yet, the
 * site switched off, or a single-page app moved on). Where the content script has found the page
 * is not an article, that verdict is kept too, and the suggestion script does no work at all.
 */
export interface KeptStory {
  url: string;
  title: string;
  publisher: string | null;
  text: string;
}

const KEPT_STORY = Symbol.for('news-tracker.kept-story');
const NOT_AN_ARTICLE = Symbol.for('news-tracker.not-an-article');
const world = globalThis as { [KEPT_STORY]?: unknown; [NOT_AN_ARTICLE]?: unknown };

/** Called by the content script (top frame) each time it has decided whether the page at `url` is an article. */
export function keepArticleVerdict(url: string, isArticle: boolean): void {
  world[NOT_AN_ARTICLE] = isArticle ? undefined : url;
}

/** True when the content script found the page at `url` is not an article. */
export function judgedNotAnArticle(url: string): boolean {
  return world[NOT_AN_ARTICLE] === url;
}

/** Called by the content script each time it has read the article at `url`. */
export function keepStoryForSuggestions(story: Omit<KeptStory, 'url'>, url: string): void {
  world[KEPT_STORY] = { url, title: story.title, publisher: story.publisher, text: story.text } satisfies KeptStory;
}

/** The story kept for `url`, or null. Checked field by field: an older version of the extension may have left another shape. */
export function keptStory(url: string): KeptStory | null {
  const kept = world[KEPT_STORY] as Partial<KeptStory> | undefined;
  if (!kept || kept.url !== url || typeof kept.title !== 'string' || typeof kept.text !== 'string') return null;
  const publisher = typeof kept.publisher === 'string' ? kept.publisher : null;
  return { url, title: kept.title, publisher, text: kept.text };
}
