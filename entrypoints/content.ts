import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { CONTENT_PAGES } from '@/utils/content/pages';
import { startContent } from '@/utils/content/start';
import { answerTabMessage } from '@/utils/content/tab-messages';
import { sendMessage, stopWhenExtensionLost } from '@/utils/messaging';
import { offerTabReader } from '@/utils/suggest/tab-reading';

export default defineContentScript({
  matches: CONTENT_PAGES,
  runAt: 'document_idle',
  // Same-origin frames (and about:blank / srcdoc frames inside pages) get their own session.
  allFrames: true,
  matchAboutBlank: true,
  // WXT would otherwise post a "content script started" message, with the extension's ID, to
  // every page's window: any page could tell News Tracker is installed (test/e2e/privacy.e2e.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // After an update the old script must let go of the page (WXT's own check misses it).
    const watchForUpdate = stopWhenExtensionLost(ctx);
    const session = startContent(
      {
        document,
        url: () => location.href,
        isTopFrame: window === window.top,
        topPage,
        signal: ctx.signal,
        report: (story) => sendMessage('content:reportStory', story).catch(logError),
        reportStatus: (status) => sendMessage('content:pageStatus', status).then(() => undefined, logError),
      },
      {
        onTrackedList: (entities) => {
          if (entities.length > 0) watchForUpdate();
        },
        onError: logError,
      },
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => session.onLocationChanged().catch(logError));
    // What the person says about this page in the popup ("Record this page", "Not a news story").
    if (window === window.top) {
      const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => {
        answerTabMessage(session, message, sender, browser.runtime.id).then(sendResponse);
        return true as const;
      };
      browser.runtime.onMessage.addListener(listener);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    }
    // What the popup reads the article with when it asks for suggestions; nothing runs until then.
    if (window === window.top) offerTabReader(session.readForSuggestions);
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

function logError(error: unknown): undefined {
  console.debug('News Tracker:', error);
}
