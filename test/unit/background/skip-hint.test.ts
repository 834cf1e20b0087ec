import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { SKIP_HINT_ID, syncSkipHint } from '@/utils/background/skip-hint';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/tracked-list';
import { installFakeScripting } from '../fake-scripting';
import { installFakeMenus } from './fakes';

const fromPage = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
const saveSettings = (settings: Partial<Settings>) =>
  fromPage({ type: 'ui:saveSettings', payload: { ...DEFAULT_SETTINGS, ...settings } });
/** Waits for the worker's start (it publishes the tracked list and settings, and syncs the hint). */
const started = () => vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).not.toEqual({}));

describe('the content script’s skip hint', () => {
  beforeEach(() => {
    installFakeMenus();
  });

  it('is registered at the worker’s start, to run before the content script on every page and frame', async () => {
    const scripts = installFakeScripting();
    background.main();
    await started();
    const hint = scripts.get(SKIP_HINT_ID);
    expect(hint).toMatchObject({
      matches: ['http://*/*', 'https://*/*'],
      allFrames: true,
      runAt: 'document_end',
      persistAcrossSessions: true,
    });
    // The file it names is one the build makes (an unlisted script of the same name).
    const file = hint?.js?.[0] ?? '';
    expect(existsSync(`entrypoints/${file.replace(/\.js$/u, '.ts')}`)).toBe(true);
  });

  it('is taken away before highlights on every page are published, and comes back when they end', async () => {
    const scripts = installFakeScripting();
    background.main();
    await started();
    const events: string[] = [];
    const unregister = fakeBrowser.scripting.unregisterContentScripts;
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      events.push('hint removed');
      return unregister(filter);
    });
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      const published = changes[SETTINGS_KEY]?.newValue as Settings | undefined;
      if (published) events.push(`published ${published.highlightScope}`);
    });

    await saveSettings({ highlightScope: 'all' });
    expect(scripts.has(SKIP_HINT_ID)).toBe(false);
    expect(events).toEqual(['hint removed', 'published all']);

    await saveSettings({ highlightScope: 'off' });
    expect(scripts.has(SKIP_HINT_ID)).toBe(true);
    await saveSettings({ highlightScope: 'articles' });
    expect(scripts.has(SKIP_HINT_ID)).toBe(true);
  });

  it('replaces a hint an earlier version registered differently', async () => {
    const scripts = installFakeScripting();
    await fakeBrowser.scripting.registerContentScripts([
      { id: SKIP_HINT_ID, js: ['skip-non-articles.js'], matches: ['https://*/*'], runAt: 'document_start' },
    ]);
    await syncSkipHint(DEFAULT_SETTINGS);
    expect(scripts.get(SKIP_HINT_ID)).toMatchObject({ runAt: 'document_end', matches: ['http://*/*', 'https://*/*'] });
  });

  it('is registered once however many changes overlap', async () => {
    const scripts = installFakeScripting();
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts');
    await Promise.all([
      syncSkipHint(DEFAULT_SETTINGS),
      syncSkipHint(DEFAULT_SETTINGS),
      syncSkipHint({ ...DEFAULT_SETTINGS, highlightScope: 'off' }),
    ]);
    expect(register).toHaveBeenCalledTimes(1);
    expect([...scripts.keys()]).toEqual([SKIP_HINT_ID]);
  });

  it('never stops the settings from being saved when the browser refuses it', async () => {
    installFakeScripting();
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockRejectedValue(new Error('refused'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    const saved = await saveSettings({ highlightScope: 'off' });
    expect(saved).toMatchObject({ ok: true, value: { highlightScope: 'off' } });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ highlightScope: 'off' });
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('hint'), expect.any(Error));
  });
});
