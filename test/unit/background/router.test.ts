import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '@/utils/background/handlers';
import { routeMessage } from '@/utils/background/router';
import { type MessageType, validators } from '@/utils/messaging';

const ORIGIN = 'chrome-extension://abc/';
const contentScript = { tab: { id: 7 } as never, url: 'https://evil.example/page' };
const extensionPage = { url: `${ORIGIN}options.html` };

function spyHandlers(): Handlers {
  const handlers = {} as Record<MessageType, ReturnType<typeof vi.fn>>;
  for (const type of Object.keys(validators) as MessageType[]) handlers[type] = vi.fn(async () => 'done');
  return handlers as unknown as Handlers;
}

describe('routeMessage', () => {
  it('keeps privileged messages away from content scripts', async () => {
    const handlers = spyHandlers();
    const reply = await routeMessage(
      handlers,
      { type: 'ui:removeEntity', payload: { id: 'x' } },
      contentScript,
      ORIGIN,
    );
    expect(reply).toEqual({ ok: false, error: 'Message ui:removeEntity is not allowed from a web page.' });
    expect(handlers['ui:removeEntity']).not.toHaveBeenCalled();
  });

  it('lets extension pages reach privileged messages, with the validated request', async () => {
    const handlers = spyHandlers();
    const reply = await routeMessage(
      handlers,
      { type: 'ui:removeEntity', payload: { id: 'x' } },
      extensionPage,
      ORIGIN,
    );
    expect(reply).toEqual({ ok: true, value: 'done' });
    expect(handlers['ui:removeEntity']).toHaveBeenCalledWith({ id: 'x' }, { tabId: undefined });
  });

  it('passes the sending tab to content-script handlers', async () => {
    const handlers = spyHandlers();
    const payload = {
      url: 'https://a.example/x',
      visitedUrl: 'https://a.example/x',
      title: 't',
      isBusiness: false,
      businessScore: 0,
      mentions: [],
      snippets: [],
    };
    await routeMessage(handlers, { type: 'content:reportStory', payload }, contentScript, ORIGIN);
    expect(handlers['content:reportStory']).toHaveBeenCalledWith(expect.objectContaining({ title: 't' }), { tabId: 7 });
  });

  it('every protocol message has a validator and a handler', async () => {
    const { createHandlers } = await import('@/utils/background/handlers');
    const handlers = createHandlers(async () => {
      throw new Error('not used');
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(validators).sort());
  });
});
