/**
 * The pages content scripts run on: ordinary web pages, and nothing else (no file://, no other
 * extensions, no browser pages). The manifest's content script, its host permissions and the
 * background's registered skip hint all use this one list, so none reaches further than another.
 */
export const CONTENT_PAGES = ['http://*/*', 'https://*/*'];
