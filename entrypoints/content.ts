import { browser } from 'wxt/browser';
import { startContentSession } from '@/utils/content/run';
import { contentStateChange } from '@/utils/content/state-changes';
import { sendMessage, stopWhenExtensionLost } from '@/utils/messaging';
import { readContentState } from '@/utils/tracked-list';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin frames (and about:blank / srcdoc frames inside pages) get their own session.
  allFrames: true,
  matchAboutBlank: true,
  // WXT would otherwise post a "content script started" message, with the extension's ID, to
  // every page's window: any page could tell News Tracker is installed (test/e2e/privacy.e2e.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // After an update the old script must let go of the page (WXT's own check misses it).
    const watchForUpdate = stopWhenExtensionLost(ctx);
    const state = await readContentState();
    if (state.entities.length > 0) watchForUpdate();
    const session = startContentSession(
      {
        document,
        url: () => location.href,
        isTopFrame: window === window.top,
        topPage,
        signal: ctx.signal,
        report: (story) => sendMessage('content:reportStory', story).then(() => undefined, logError),
        reportStatus: (status) => sendMessage('content:pageStatus', status).then(() => undefined, logError),
      },
      state,
    );
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = contentStateChange(changes, area);
      if (change?.entities?.length) watchForUpdate();
      if (change) session.onStateChanged(change).catch(logError);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    ctx.addEventListener(window, 'wxt:locationchange', () => session.onLocationChanged().catch(logError));
  },
});

/** The top page, when this frame may read it (same origin); null otherwise. */
function topPage() {
  try {
    const top = window.top;
    return top ? { document: top.document, url: top.location.href } : null;
  } catch {
    return null;
  }
}

function logError(error: unknown): void {
  console.debug('News Tracker:', error);
}
