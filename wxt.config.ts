import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'News Tracker',
    description:
      'Spots business news about the companies you track, highlights them, and keeps a private log on your device.',
    permissions: ['storage', 'contextMenus', 'notifications', 'scripting', 'activeTab'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
});
