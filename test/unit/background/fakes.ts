/**
 * WXT's fake browser has no context menus: a small stand-in that records created items and can
 * fire clicks like the browser does.
 */
import type { Menus } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type ClickListener = (info: Menus.OnClickData) => void;

export interface FakeMenus {
  items: Menus.CreateCreatePropertiesType[];
  click(info: Partial<Menus.OnClickData>): Promise<void>;
}

export function installFakeMenus(): FakeMenus {
  const items: Menus.CreateCreatePropertiesType[] = [];
  const listeners: ClickListener[] = [];
  Object.assign(fakeBrowser, {
    contextMenus: {
      create(props: Menus.CreateCreatePropertiesType, done?: () => void) {
        items.push(props);
        done?.();
        return props.id;
      },
      onClicked: { addListener: (l: ClickListener) => listeners.push(l) },
    },
  });
  return {
    items,
    async click(info) {
      for (const l of listeners) l({ menuItemId: '', editable: false, modifiers: [], ...info } as Menus.OnClickData);
    },
  };
}
