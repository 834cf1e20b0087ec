/**
 * The article the content script has read, kept for the popup's suggestions so the popup need
 * not make the tab read the page again: the story it recorded, or, with nothing tracked yet, the
 * article it reads once the page is idle. Where it found the page is not an article, that
 * verdict is kept instead and the answer is null (the popup shows no suggestions there). Each is
 * kept with the address it was read at: after a single-page-app navigation the page is read
 * afresh. The entrypoint offers `reading` to the popup (utils/suggest/tab-reading.ts).
 */
import type { ExtractedStory } from '../article/extract';
import { extractStorySliced } from '../article/extract';
import { createSlicer } from '../highlight/slicer';
import { MAX_TEXT_LENGTH, readPageForSuggestions } from '../suggest/page';
import type { SuggestInput } from '../suggest/suggest';
import type { ContentEnvironment } from './environment';

export type KeptStory = Pick<ExtractedStory, 'title' | 'publisher' | 'text'>;

export interface KeptArticle {
  /** The content script decided whether the page at `url` is an article. */
  judged(url: string, isArticle: boolean): void;
  /** The content script read the article at `url`. */
  keep(url: string, story: KeptStory): void;
  /** Reads the article at `url` when the page has nothing else to do, unless the page has moved on by then. */
  readWhenIdle(url: string): void;
  /** What the popup's suggestions read at the page's current address. */
  reading(): SuggestInput | null;
}

/** Runs `task` when the page is idle (within two seconds), where the browser can say so. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 50);
}

export function createKeptArticle(env: Pick<ContentEnvironment, 'document' | 'url' | 'signal'>): KeptArticle {
  let notAnArticle: string | null = null;
  let kept: (KeptStory & { url: string }) | null = null;
  const keep = (url: string, story: KeptStory) => {
    kept = { url, title: story.title, publisher: story.publisher, text: story.text };
  };
  return {
    judged(url, isArticle) {
      notAnArticle = isArticle ? null : url;
    },
    keep,
    readWhenIdle(url) {
      const unwanted = () => env.signal.aborted || env.url() !== url || kept?.url === url;
      whenIdle(() => {
        if (unwanted()) return;
        // In slices, as recording reads: a huge page takes longer to read than one task should block it.
        void extractStorySliced(env.document, url, createSlicer()).then((story) => {
          if (!unwanted()) keep(url, story);
        });
      });
    },
    reading() {
      const url = env.url();
      if (notAnArticle === url) return null;
      if (kept?.url !== url) return readPageForSuggestions(env.document, url);
      return { title: kept.title, publisher: kept.publisher, url, text: kept.text.slice(0, MAX_TEXT_LENGTH) };
    },
  };
}
