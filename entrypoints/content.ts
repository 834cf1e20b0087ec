import { runOnPage } from '@/utils/content/run';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    runOnPage(document, location.href).catch((error: unknown) => {
      console.debug('News Tracker:', error);
    });
  },
});
