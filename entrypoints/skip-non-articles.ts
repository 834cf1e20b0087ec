import { markNonArticlesNeedNothing } from '@/utils/content/skip-hint';

/**
 * Registered by the background (utils/background/skip-hint.ts) to run before the content script
 * while pages that are not articles need nothing: see utils/content/skip-hint.ts.
 */
export default defineUnlistedScript(() => markNonArticlesNeedNothing());
