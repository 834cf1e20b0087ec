/**
 * The content script's start, shared by entrypoints/content.ts and the benchmark (so the figure is
 * of this code, not of a copy of it):
 *
 *   read the content state (utils/content-state.ts) ── a round trip to the browser process
 *     │ meanwhile: follow its change event, set the session up
 *     └ the answer arrives → decide (most pages: not an article, stop here)
 *
 * The page is looked at (detectArticle) only once the answer is in, in a task of its own: on a
 * huge page (200,000 elements) detection in the same task as the script's own start would make
 * one task longer than 50 ms. Afterwards each state the background writes reaches the session.
 */
import { EMPTY_CONTENT_STATE, readContentState, watchContentState } from '../content-state';
import type { TrackedEntity } from '../entities';
import type { ContentEnvironment } from './environment';
import { type ContentSession, startContentSession } from './session';

export interface ContentStartOptions {
  /** Told the tracked list once read, and with each new state (the entrypoint watches for updates while it is not empty). */
  onTrackedList?(entities: TrackedEntity[]): void;
  /** Where failures go: a content script has no one to show them to. */
  onError(error: unknown): void;
}

export function startContent(env: ContentEnvironment, options: ContentStartOptions): ContentSession {
  const state = readContentState().then(
    (read) => {
      options.onTrackedList?.(read.entities);
      return read;
    },
    (error: unknown) => {
      // Without the tracked list there is nothing to do on the page: leave it alone.
      options.onError(error);
      return EMPTY_CONTENT_STATE;
    },
  );
  // Asked first: the session is set up while the browser answers.
  const session = startContentSession(env, state);
  const stopWatching = watchContentState((next) => {
    options.onTrackedList?.(next.entities);
    session.onStateChanged(next).catch(options.onError);
  });
  const stop = () => {
    try {
      stopWatching();
    } catch {
      // The extension was updated or removed: its storage API, and the listener with it, is gone.
    }
  };
  env.signal.addEventListener('abort', stop, { once: true });
  return session;
}
