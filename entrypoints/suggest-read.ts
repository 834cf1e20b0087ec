import { readPageForSuggestions } from '@/utils/suggest/page';
import type { TabReading } from '@/utils/suggest/tab-reading';

/**
 * Injected by the popup only into a tab whose content script offers no reader
 * (utils/suggest/tab-reading.ts), never with the content script: the article the suggestions
 * come from.
 */
export default defineUnlistedScript((): TabReading => ({ reading: readPageForSuggestions(document, location.href) }));
