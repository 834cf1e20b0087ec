/**
 * The story report a content script sends for an article that mentions tracked companies:
 * per-company counts, whether each is in the headline or the lead, and a few snippets.
 */
import type { BusinessVerdict } from '../article/classify';
import type { ExtractedStory } from '../article/extract';
import type { Slicer } from '../highlight/slicer';
import type { Matcher, Mention } from '../match/matcher';
import type { EntityMention, StoryReport } from '../stories';

import { snippetAround } from './snippet';

const LEAD_LENGTH = 600;
const MAX_SNIPPETS = 3;
/** Characters searched between two looks at the clock: well under a millisecond of work. */
const PIECE = 1 << 15;

/** Summarises mentions per entity, for the story report. */
export function summariseMentions(title: string, mentions: readonly Mention[], matcher: Matcher): EntityMention[] {
  const inHeadline = new Set(matcher.findMentions(title).map((m) => m.entityId));
  const byEntity = new Map<string, EntityMention>();
  for (const m of mentions) {
    const entry = byEntity.get(m.entityId) ?? {
      entityId: m.entityId,
      count: 0,
      inHeadline: inHeadline.has(m.entityId),
      inLead: false,
    };
    entry.count += 1;
    entry.inLead ||= m.start < LEAD_LENGTH;
    byEntity.set(m.entityId, entry);
  }
  return [...byEntity.values()];
}

/**
 * The headline and the main text, as a reader sees the story: the main text often starts below
 * the headline, and a company named in the headline is a mention too.
 */
function storyText(story: ExtractedStory): string {
  const title = story.title.trim();
  return title.length === 0 || story.text.startsWith(title) ? story.text : `${title}\n\n${story.text}`;
}

/**
 * The mentions in `text`, a piece at a time, giving the page a turn whenever `slicer` says so:
 * a huge page's text takes longer to search than one task should block the page.
 */
async function findMentionsSliced(matcher: Matcher, text: string, slicer: Pick<Slicer, 'due' | 'pause'>) {
  if (text.length <= PIECE) return matcher.findMentions(text);
  const search = matcher.search(text);
  while (!search.advance(PIECE)) if (slicer.due()) await slicer.pause();
  return search.mentions();
}

/** The report for `story`, or null when it names no tracked company. */
export async function buildStoryReport(
  story: ExtractedStory,
  business: BusinessVerdict,
  visitedUrl: string,
  matcher: Matcher,
  slicer: Pick<Slicer, 'due' | 'pause'>,
): Promise<StoryReport | null> {
  const text = storyText(story);
  const mentions = await findMentionsSliced(matcher, text, slicer);
  if (mentions.length === 0) return null;
  // Snippets come from the body where it names the company: the popup shows the headline already.
  const bodyStart = text.length - story.text.length;
  const firstPerEntity = new Map<string, Mention>();
  for (const m of mentions) {
    const seen = firstPerEntity.get(m.entityId);
    if (!seen || (seen.start < bodyStart && m.start >= bodyStart)) firstPerEntity.set(m.entityId, m);
  }
  return {
    url: story.canonicalUrl,
    visitedUrl,
    title: story.title.slice(0, 1000),
    publisher: story.publisher,
    byline: story.byline,
    publishedTime: story.publishedTime,
    lang: story.lang,
    section: story.section,
    isBusiness: business.isBusiness,
    businessScore: business.score,
    mentions: summariseMentions(story.title, mentions, matcher),
    snippets: [...firstPerEntity.values()].slice(0, MAX_SNIPPETS).map((m) => snippetAround(text, m.start, m.end)),
  };
}
