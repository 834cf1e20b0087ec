/**
 * The story report a content script sends for an article that mentions tracked companies:
 * per-company counts, whether each is in the headline or the lead, and a few snippets.
 */
import type { BusinessVerdict } from '../article/classify';
import type { ExtractedStory } from '../article/extract';
import type { Matcher, Mention } from '../match/matcher';
import type { EntityMention, StoryReport } from '../stories';

const LEAD_LENGTH = 600;
const SNIPPET_RADIUS = 80;
const MAX_SNIPPETS = 3;

function snippetAround(text: string, m: Mention): string {
  const start = Math.max(0, m.start - SNIPPET_RADIUS);
  const end = Math.min(text.length, m.end + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/gu, ' ').trim()}${end < text.length ? '…' : ''}`;
}

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

/** The report for `story`, or null when it names no tracked company. */
export function buildStoryReport(
  story: ExtractedStory,
  business: BusinessVerdict,
  visitedUrl: string,
  matcher: Matcher,
): StoryReport | null {
  const mentions = matcher.findMentions(story.text);
  if (mentions.length === 0) return null;
  const firstPerEntity = new Map<string, Mention>();
  for (const m of mentions) if (!firstPerEntity.has(m.entityId)) firstPerEntity.set(m.entityId, m);
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
    snippets: [...firstPerEntity.values()].slice(0, MAX_SNIPPETS).map((m) => snippetAround(story.text, m)),
  };
}
