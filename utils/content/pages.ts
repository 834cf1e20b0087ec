/**
 * The pages content scripts run on: ordinary web pages, and nothing else (no file://, no other
 * extensions, no browser pages). The manifest's content script and its host permissions use this
 * one list, so neither reaches further than the other.
 */
export const CONTENT_PAGES = ['http://*/*', 'https://*/*'];
