import { browser } from 'wxt/browser';
import { startContentSession } from '@/utils/content/run';
import { contentStateChange } from '@/utils/content/state-changes';
import { sendMessage } from '@/utils/messaging';
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
    const session = startContentSession(
      {
        document,
        url: () => location.href,
        isTopFrame: window === window.top,
        signal: ctx.signal,
        report: (story) => sendMessage('content:reportStory', story).then(() => undefined, logError),
      },
      await readContentState(),
    );
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = contentStateChange(changes, area);
      if (change) session.onStateChanged(change).catch(logError);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    ctx.addEventListener(window, 'wxt:locationchange', () => session.onLocationChanged().catch(logError));
  },
});

function logError(error: unknown): void {
  console.debug('News Tracker:', error);
}
