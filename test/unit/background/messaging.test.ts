/**
 * sendMessage when the browser stops the service worker before it answers: requests that are
 * safe to repeat are sent again (a story report must not be lost), the others fail clearly.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionContextLost, sendMessage, stopWhenExtensionLost } from '@/utils/messaging';
import { report } from '../db/story-fixtures';

const CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

/** A background that loses the answer `lost` times (Chrome's error, or the polyfill's undefined), then answers. */
function flakyBackground(lost: number, how: 'error' | 'undefined' = 'error') {
  const send = vi.fn(async (message: unknown) => {
    if (send.mock.calls.length <= lost) {
      if (how === 'error') throw new Error(CLOSED);
      return undefined;
    }
    return { ok: true, value: { echoed: (message as { type: string }).type } };
  });
  fakeBrowser.runtime.sendMessage = send as never;
  return send;
}

describe('sendMessage', () => {
  it('sends a story report again when the worker stopped before answering', async () => {
    const send = flakyBackground(2);
    expect(await sendMessage('content:reportStory', report())).toEqual({ echoed: 'content:reportStory' });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('keeps sending a story report for about half a minute while the worker keeps stopping', async () => {
    vi.useFakeTimers();
    try {
      const send = flakyBackground(7);
      const answer = sendMessage('content:reportStory', report());
      const settled = vi.fn();
      answer.then(settled, settled);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(20_400);
      expect(await answer).toEqual({ echoed: 'content:reportStory' });
      expect(send).toHaveBeenCalledTimes(8);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a story report up once half a minute of tries went unanswered', async () => {
    vi.useFakeTimers();
    try {
      const send = flakyBackground(100);
      const answer = sendMessage('content:reportStory', report());
      const failed = expect(answer).rejects.toThrow('background did not answer');
      await vi.runAllTimersAsync();
      await failed;
      expect(send).toHaveBeenCalledTimes(8);
    } finally {
      vi.useRealTimers();
    }
  });

  it('also retries when the polyfill turns the closed channel into an empty answer', async () => {
    const send = flakyBackground(1, 'undefined');
    await sendMessage('ui:listEntities', {});
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after three retries with a message saying what to do', async () => {
    const send = flakyBackground(10);
    await expect(
      sendMessage('content:pageStatus', {
        url: 'https://a.example/',
        isArticle: false,
        isBusiness: false,
        mentions: [],
      }),
    ).rejects.toThrow('background did not answer');
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('does not repeat a request that would be refused the second time (adding a company)', async () => {
    const send = flakyBackground(1);
    await expect(sendMessage('ui:addEntity', { name: 'Xiaomi' })).rejects.toThrow('background did not answer');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not retry other errors, such as a content script whose extension was updated', async () => {
    const send = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    fakeBrowser.runtime.sendMessage = send as never;
    await expect(sendMessage('content:reportStory', report())).rejects.toThrow('Extension context invalidated.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('turns a refusal into an Error with the background’s words', async () => {
    fakeBrowser.runtime.sendMessage = vi.fn(async () => ({ ok: false, error: 'tabId: expected a number' })) as never;
    await expect(sendMessage('ui:getPageStatus', { tabId: -1 })).rejects.toThrow('tabId: expected a number');
  });
});

describe('extensionContextLost', () => {
  it('is false while chrome.runtime has an id, true once the browser took it away', () => {
    const original = (globalThis as { chrome?: unknown }).chrome;
    try {
      (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'abc' } };
      expect(extensionContextLost()).toBe(false);
      (globalThis as { chrome?: unknown }).chrome = {};
      expect(extensionContextLost()).toBe(true);
    } finally {
      (globalThis as { chrome?: unknown }).chrome = original;
    }
  });
});

describe('stopWhenExtensionLost', () => {
  it('makes the context’s own validity check abort it once the extension is gone, and not before', () => {
    const controller = new AbortController();
    const timers: (() => void)[] = [];
    const ctx = {
      signal: controller.signal,
      notifyInvalidated: () => controller.abort(),
      get isInvalid() {
        return controller.signal.aborted;
      },
      // As WXT's: the handler runs only while the context is valid.
      setInterval(handler: () => void) {
        timers.push(() => {
          if (!ctx.isInvalid) handler();
        });
        return timers.length;
      },
    };
    const original = (globalThis as { chrome?: unknown }).chrome;
    try {
      const watch = stopWhenExtensionLost(ctx);
      expect(timers).toHaveLength(0); // nothing runs until the page has something to let go of
      watch();
      watch();
      expect(timers).toHaveLength(1);
      (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'abc' } };
      for (const tick of timers) tick();
      expect(controller.signal.aborted).toBe(false);
      (globalThis as { chrome?: unknown }).chrome = {};
      for (const tick of timers) tick();
      expect(controller.signal.aborted).toBe(true);
      expect(ctx.isInvalid).toBe(true);
    } finally {
      (globalThis as { chrome?: unknown }).chrome = original;
    }
  });
});
