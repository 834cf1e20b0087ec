import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addEntity } from '@/utils/db/entities';
import { openNewsDb } from '@/utils/db/schema';
import { publishContentState, publishEntities, readContentState, TRACKED_LIST_KEY } from '@/utils/tracked-list';
import {
  ARTICLE_URL,
  count,
  samsung,
  sessionOpens,
  settle,
  showArticle,
  start,
  stateItems,
  xiaomi,
} from './start-helpers';

describe('where the content script reads the tracked list and settings', () => {
  it('reads the session copy when the background has opened it, not the slower local one', async () => {
    sessionOpens();
    await fakeBrowser.storage.session.set(stateItems([xiaomi]));
    await fakeBrowser.storage.local.set(stateItems([samsung]));
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    expect(count(session, xiaomi)).toBe(2);
    expect(count(session, samsung)).toBe(0);
    expect(local).not.toHaveBeenCalled();
  });

  it('falls back to storage.local while session storage is empty (a browser that has just started)', async () => {
    sessionOpens();
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    expect(count(session, xiaomi)).toBe(2);
  });

  it('falls back to storage.local while session storage refuses content scripts', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(
      new Error('Access to storage is not allowed from this context.'),
    );
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showArticle();
    const { session, errors } = start(ARTICLE_URL);
    await session.idle();
    expect(count(session, xiaomi)).toBe(2);
    expect(errors).toEqual([]);
  });

  it('uses storage.local only where session storage cannot be opened (Firefox)', async () => {
    const session = fakeBrowser.storage.session;
    const original = Object.getOwnPropertyDescriptor(session, 'setAccessLevel');
    Object.defineProperty(session, 'setAccessLevel', { value: undefined, configurable: true });
    try {
      const sessionGet = vi.spyOn(session, 'get');
      await fakeBrowser.storage.local.set(stateItems([xiaomi]));
      showArticle();
      const started = start(ARTICLE_URL);
      await started.session.idle();
      expect(count(started.session, xiaomi)).toBe(2);
      expect(sessionGet).not.toHaveBeenCalled();
    } finally {
      if (original) Object.defineProperty(session, 'setAccessLevel', original);
    }
  });

  it('reads what the background publishes, from session storage when it could open it and from local otherwise', async () => {
    const db = await openNewsDb();
    await addEntity(db, { name: 'Xiaomi' });
    // The fake browser, like Firefox, cannot open session storage: it stays private and empty.
    await publishContentState(db);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect((await readContentState()).entities.map((e) => e.name)).toEqual(['Xiaomi']);

    const opened = vi.spyOn(fakeBrowser.storage.session, 'setAccessLevel').mockResolvedValue(undefined);
    await publishContentState(db);
    expect(opened).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await readContentState()).entities.map((e) => e.name)).toEqual(['Xiaomi']);
    expect(local).not.toHaveBeenCalled();
    db.close();
  });

  it('never lets the worker start’s publish land after a company added meanwhile', async () => {
    sessionOpens();
    const db = await openNewsDb();
    // The skip hint's registration is slow while the browser starts.
    const register = fakeBrowser.scripting.registerContentScripts.bind(fakeBrowser.scripting);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return register(scripts);
    });
    const starting = publishContentState(db);
    await addEntity(db, { name: 'Xiaomi' });
    await publishEntities(db);
    await starting;
    const names = (stored: Record<string, unknown>) =>
      ((stored[TRACKED_LIST_KEY] ?? []) as { name: string }[]).map((e) => e.name);
    expect(names(await fakeBrowser.storage.local.get(TRACKED_LIST_KEY))).toEqual(['Xiaomi']);
    expect(names(await fakeBrowser.storage.session.get(TRACKED_LIST_KEY))).toEqual(['Xiaomi']);
    db.close();
  });

  it('drops the session copy it could not write, so content scripts read the current local one', async () => {
    sessionOpens();
    const db = await openNewsDb();
    await publishContentState(db);
    expect(await fakeBrowser.storage.session.get(TRACKED_LIST_KEY)).toEqual({ [TRACKED_LIST_KEY]: [] });
    await addEntity(db, { name: 'Xiaomi' });
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('Session storage quota exceeded'));
    await publishContentState(db);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect((await readContentState()).entities.map((e) => e.name)).toEqual(['Xiaomi']);
    db.close();
  });

  it('picks up a change reported by session storage, and acts on it once though both areas report it', async () => {
    sessionOpens();
    await fakeBrowser.storage.session.set(stateItems([xiaomi]));
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showArticle();
    const { session, trackedLists } = start(ARTICLE_URL);
    await session.idle();
    const before = session.highlights;
    expect(count(session, samsung)).toBe(0);

    await fakeBrowser.storage.session.set({ [TRACKED_LIST_KEY]: [xiaomi, samsung] });
    await settle(session);
    expect(count(session, samsung)).toBe(2);
    const after = session.highlights;
    expect(after).not.toBe(before);

    // The same list arriving through storage.local changes nothing (no second scan).
    await fakeBrowser.storage.local.set({ [TRACKED_LIST_KEY]: [xiaomi, samsung] });
    await settle(session);
    expect(session.highlights).toBe(after);
    expect(trackedLists).toEqual([['Xiaomi'], ['Xiaomi', 'Samsung']]);
  });
});
