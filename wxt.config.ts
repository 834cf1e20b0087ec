import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { CONTENT_PAGES } from './utils/content/pages';

/**
 * The extension pages (popup, options) may load only the extension's own scripts, styles and
 * images, and nothing else at all: no inline or remote code, no eval, no connections, no frames,
 * no plugins (test/unit/security/csp.test.ts and the privacy end-to-end test check it).
 * `wxt dev` needs its dev server's scripts and socket, so it keeps Chromium's default policy.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Asks Chromium to compile every function of the popup's company finder as the chunk loads
 * (V8's explicit compile hint): the popup loads it as it opens, on a background thread, so the
 * finder's first run, while the person waits, does not compile its functions one by one.
 */
function compileFinderEagerly(): Plugin {
  return {
    name: 'news-tracker:compile-finder-eagerly',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.name === 'suggester')
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), compileFinderEagerly()] }),
  manifest: ({ command }) => ({
    name: 'News Tracker',
    description:
      'Spots business news about the companies you track, highlights them, and keeps a private log on your device.',
    permissions: ['storage', 'contextMenus', 'notifications', 'scripting'],
    // Exactly the pages the content script already runs on (README, "Permissions"): the popup
    // reads the article in its tab there for suggestions.
    host_permissions: CONTENT_PAGES,
    content_security_policy: {
      extension_pages: command === 'serve' ? "script-src 'self'; object-src 'self'" : EXTENSION_PAGES_CSP,
    },
  }),
});
