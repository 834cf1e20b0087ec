import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { buildIcons, ICON_FILES } from './build/icons';
import { CONTENT_PAGES } from './utils/content/pages';

/**
 * The extension pages (popup, options) may load only the extension's own scripts, styles and
 * images, and nothing else at all: no inline or remote code, no eval, no frames, no plugins
 * (test/unit/security/csp.test.ts and the privacy end-to-end test check it). Connections may go
 * to http and https addresses only: the policy covers the service worker too, which fetches the
 * feeds the person watches (and only those: the end-to-end network guard checks it).
 * `wxt dev` needs its dev server's scripts and socket, so it keeps Chromium's default policy.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  'connect-src http: https:',
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

/**
 * Firefox's own keys. A fixed id: Firefox signs a Manifest V3 add-on only with one, and keys the
 * add-on's data to it (with none, every temporary load gets a new id and starts empty; never
 * change it once published). No data collected: nothing about the user ever leaves the browser
 * (AMO asks every new add-on to declare it). Firefox 140 is the first to understand that
 * declaration, and the first with the CSS Custom Highlight API the highlights are painted with.
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'news-tracker@news-tracker.invalid',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none' as const] },
  },
  // Firefox for Android understands the declaration from 142.
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Manifest V3 in Firefox too: one manifest, one permission model and one non-persistent
  // background for both browsers. Firefox lets a person withdraw MV3 site access, so the options
  // page asks for it and the popup says when it is missing (components/SiteAccess.tsx).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), compileFinderEagerly()] }),
  hooks: {
    // The PNG icons are rendered from assets/icon/*.svg on every build (build/icons.ts).
    'build:publicAssets': async (wxt, files) => {
      files.push(...(await buildIcons(`${wxt.config.wxtDir}/icon`)));
    },
  },
  // The sources zip for addons.mozilla.org: the code, not what test runs leave behind.
  zip: { excludeSources: ['test-artifacts/**', 'bench-results.json'] },
  manifest: ({ browser, command }) => ({
    name: 'News Tracker',
    description:
      'Spots business news about the companies you track, highlights them, and keeps a private log on your device.',
    icons: ICON_FILES,
    action: { default_icon: ICON_FILES },
    permissions: ['storage', 'contextMenus', 'notifications', 'scripting', 'alarms'],
    // Exactly the pages the content script already runs on (README, "Permissions"): the popup
    // reads the article in its tab there for suggestions, and the background fetches the feeds
    // the person watches without a further prompt.
    host_permissions: CONTENT_PAGES,
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
    content_security_policy: {
      extension_pages: command === 'serve' ? "script-src 'self'; object-src 'self'" : EXTENSION_PAGES_CSP,
    },
  }),
});
