/**
 * The content script's start, shared by entrypoints/content.ts and the benchmark (so the figure is
 * of this code, not of a copy of it):
 *
 *   ask storage for the tracked list and settings ──── a round trip to the browser process
 *     │ meanwhile: follow storage changes, set the session up
 *     └ the answer arrives → decide (most pages: not an article, stop here)
 *
 * The page is looked at (detectArticle) only once the answer is in. Looking while the read was in
 * flight saved no measurable time, and it put detection in the same task as the script's own
 * start, which on a huge page (200,000 elements) made one task longer than 50 ms.
 *
 * Except under the skip hint (skip-hint.ts): then a page that is not an article needs nothing
 * whatever storage holds, so the page is looked at first and storage is read only for an article,
 * or at the first change reported afterwards.
 *
 * Afterwards every change to the tracked list or settings reaches the session once, whichever
 * storage area reports it first (the background keeps them in more than one).
 */
import { browser } from 'wxt/browser';
import type { TrackedEntity } from '../entities';
import { validateSettings } from '../settings';
import { type ContentState, readContentState } from '../tracked-list';
import { type ContentEnvironment, type ContentSession, startContentSession } from './run';
import { nonArticlesNeedNothing } from './skip-hint';
import { contentStateChange } from './state-changes';

export interface ContentStartOptions {
  /** Told the tracked list once read, and each new one (the entrypoint watches for updates while it is not empty). */
  onTrackedList?(entities: TrackedEntity[]): void;
  /** Where failures go: a content script has no one to show them to. */
  onError(error: unknown): void;
  /** The storage read (tests replace it). */
  readState?: () => Promise<ContentState>;
  /** Whether the skip hint is there (tests set it; the page's isolated world says otherwise). */
  skipNonArticles?: boolean;
}

type StorageListener = Parameters<typeof browser.storage.onChanged.addListener>[0];

export function startContent(env: ContentEnvironment, options: ContentStartOptions): ContentSession {
  /** The state the session last heard of, to drop the same change reported by another area. */
  let known: ContentState | null = null;
  let reading: Promise<ContentState> | null = null;
  const read = () => {
    reading ??= (options.readState ?? readContentState)().then(
      (state) => {
        known = state;
        options.onTrackedList?.(state.entities);
        return state;
      },
      (error: unknown) => {
        // Without the tracked list there is nothing to do on the page: leave it alone.
        options.onError(error);
        return { entities: [], settings: validateSettings(undefined) };
      },
    );
    return reading;
  };
  const skip = options.skipNonArticles ?? nonArticlesNeedNothing();
  // Sent first: everything below happens while the browser answers.
  const session = startContentSession(env, skip ? { readWhenNeeded: read } : read());
  const onStorage: StorageListener = (changes, areaName) => {
    const change = contentStateChange(changes, areaName);
    if (!change) return;
    // Not read yet: the session reads it all now, this change included.
    if (!reading) {
      session.onStateChanged(change).catch(options.onError);
      return;
    }
    reading
      .then(() => {
        if (known && change.entities && sameJson(change.entities, known.entities)) delete change.entities;
        if (known && change.settings && sameJson(change.settings, known.settings)) delete change.settings;
        if (!change.entities && !change.settings) return;
        if (known) known = { ...known, ...change };
        if (change.entities) options.onTrackedList?.(change.entities);
        return session.onStateChanged(change);
      })
      .catch(options.onError);
  };
  browser.storage.onChanged.addListener(onStorage);
  env.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });
  return session;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
