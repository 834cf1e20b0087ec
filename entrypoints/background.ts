import { browser } from 'wxt/browser';
import { createHandlers } from '@/utils/background/handlers';
import { routeMessage } from '@/utils/background/router';
import { openNewsDb } from '@/utils/db/schema';
import { publishEntities } from '@/utils/tracked-list';

export default defineBackground(() => {
  const handlers = createHandlers(openNewsDb);
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    routeMessage(handlers, message, sender, origin).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(async () => publishEntities(await openNewsDb()));
});
