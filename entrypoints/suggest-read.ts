import { suggestionsForPage } from '@/utils/suggest/page';

/**
 * Injected into the open tab only when the popup asks (browser.scripting.executeScript), never
 * with the content script: it returns the companies the article is about to the popup.
 */
export default defineUnlistedScript(() => suggestionsForPage(document, location.href));
