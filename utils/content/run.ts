/**
 * What the content script does on a page, in order of cost:
 *   tracked list (storage.local) -> cheap article check -> extraction + classification
 *   -> matching -> highlights -> report to the background.
 * A page that is not an article, or a user with nothing tracked, stops after the first steps.
 */
import { classifyBusiness } from '../article/classify';
import { detectArticle } from '../article/detect';
import { extractStory } from '../article/extract';
import { highlightMentions } from '../highlight/paint';
import { compileMatcher, type Mention } from '../match/matcher';
import { sendMessage } from '../messaging';
import type { EntityMention, StoryReport } from '../stories';
import { readContentState } from '../tracked-list';

const LEAD_LENGTH = 600;
const SNIPPET_RADIUS = 80;

function snippetAround(text: string, m: Mention): string {
  const start = Math.max(0, m.start - SNIPPET_RADIUS);
  const end = Math.min(text.length, m.end + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/gu, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/** Summarises mentions per entity, for the story report. */
export function summariseMentions(
  title: string,
  mentions: readonly Mention[],
  matcher: { findMentions(text: string): Mention[] },
): EntityMention[] {
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

export async function runOnPage(document: Document, url: string): Promise<StoryReport | null> {
  const { entities, settings } = await readContentState();
  if (entities.length === 0 || settings.disabledSites.includes(new URL(url).hostname)) return null;
  if (!detectArticle(document, url).isArticle) return null;
  const story = extractStory(document, url);
  const business = classifyBusiness(story);
  const matcher = compileMatcher(entities);
  highlightMentions(document.body, matcher, entities);
  const mentions = matcher.findMentions(story.text);
  if (mentions.length === 0) return null;
  const report: StoryReport = {
    url: story.canonicalUrl,
    visitedUrl: url,
    title: story.title.slice(0, 1000),
    publisher: story.publisher,
    byline: story.byline,
    publishedTime: story.publishedTime,
    lang: story.lang,
    section: story.section,
    isBusiness: business.isBusiness,
    businessScore: business.score,
    mentions: summariseMentions(story.title, mentions, matcher),
    snippets: [...new Map(mentions.map((m) => [m.entityId, m])).values()]
      .slice(0, 3)
      .map((m) => snippetAround(story.text, m)),
  };
  await sendMessage('content:reportStory', report);
  return report;
}
