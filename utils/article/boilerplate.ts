/**
 * What is not part of a story's text, in most site conventions: navigation, asides, footers,
 * forms, embedded media, and blocks whose class, id or role names comments, related stories,
 * sharing, newsletters, advertising and the like.
 */

const SKIPPED_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'HEADER',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'IFRAME',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'MENU',
  'DIALOG',
  'FIGURE',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'MATH',
  // The headline is read separately; in the text it would count every mention twice.
  'H1',
]);

const SKIPPED_ROLES = /^(navigation|complementary|contentinfo|banner|menu|menubar|search|dialog|alertdialog|toolbar)$/u;

/** A comments box ("comments", "comments-area"), but not "comments-enabled": a state of the story around it. */
const COMMENTS = String.raw`comments?(?!-(enabled|disabled|open|closed|allowed|on|off)(\s|$))`;

const SKIPPED_NAME = new RegExp(
  String.raw`(^|[\s_-])(${COMMENTS}|kommentare?|commentaires?|disqus|related|recommend(ed|ations?)?|more-?stories|read-?more|most-?(read|popular|viewed)|popular|trending|share|sharing|social|newsletter|subscribe|subscription|signup|paywall|promo(tion)?s?|advert(isement|s)?|ads?|ad-?slot|sponsor(ed)?|outbrain|taboola|sidebar|footer|nav|navbar|navigation|menu|breadcrumbs?|tags|tag-?list|author-?(bio|info|box)|byline|dateline|meta|caption|hidden|visually-?hidden|sr-only|skip-?link)([\s_-]|$)`,
  'iu',
);

/**
 * Class or id words of boxes beside the story: comments, related stories, sidebars. Only at
 * the start of a class name: "comments-area" is the comments, but "flag-unfollowComments-on"
 * on <html> or a layout class such as "panel-two-col-sidebar-right-mix" is not.
 */
export const BESIDE_STORY_NAME = new RegExp(
  String.raw`(^|\s)(${COMMENTS}|comment-?(list|section|thread)s?|disqus|related|related-?(stories|articles|content|links)|recommended|sidebar|footer|more-?stories|most-?(read|popular)|newsletter)([\s_-]|$)`,
  'iu',
);

/** True for an element whose whole subtree is not story text. */
/** An inline style that hides the element (read without asking for a layout). */
const HIDDEN_BY_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)/iu;

export function isBoilerplate(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  // Text a reader cannot see, or is typing, is not the story's: the highlights skip it too, and
  // the story's counts must be the ones the page shows.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (HIDDEN_BY_STYLE.test(element.getAttribute('style') ?? '')) return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.test(role)) return true;
  const name = `${element.getAttribute('class') ?? ''} ${element.id}`;
  return name.length > 1 && SKIPPED_NAME.test(name);
}
