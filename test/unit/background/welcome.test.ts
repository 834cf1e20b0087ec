import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { installFakeMenus } from './fakes';

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((t) => t.url === fakeBrowser.runtime.getURL('/welcome.html'));

describe('the welcome page', () => {
  beforeEach(() => {
    installFakeMenus();
    background.main();
  });

  it('opens once when News Tracker is installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await expect.poll(async () => (await welcomeTabs()).length).toBe(1);
  });

  it('stays closed on an update of the extension or of the browser', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await welcomeTabs()).toEqual([]);
  });
});
