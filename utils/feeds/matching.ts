/**
 * A feed's items through the same matcher and business classifier as pages. An item that names
 * a tracked company becomes a story report (the shape a content script sends for a page), with
 * its copy signature for grouping; the rest are dropped. The classifier reads the item's title
 * and lead with the short-text model, trained on such texts (pages have a model of their own),
 * with the item's address and the feed's title as the publisher's hints: a feed's full content,
 * where it has one, scores worse with either model than its lead does.
 * Work is sliced: a feed of 500 long items must not hold the worker for one long task.
 */
import { BUSINESS_SHORT_MODEL } from '../article/business-short-model';
import { classifyBusiness } from '../article/classify';
import { createTextModel, type TextModel } from '../article/text-model';
import type { Slicer } from '../highlight/slicer';
import type { Matcher, Mention } from '../match/matcher';
import type { StoryReport } from '../stories';
import { type CopySignature, copySignature } from './copies';
import type { FeedStory } from './stories';
import { cutText } from './stories';

/** The lead a feed story keeps as its snippet, and compares copies on. */
export const STORED_LEAD_CHARS = 300;
/** Mentions this far into the item's text count as "in the lead". */
const LEAD_LENGTH = 600;

export interface FeedMatch {
  report: StoryReport;
  signature: CopySignature;
  /** When the story happened, for its place in the list: published, else when the feed was read. */
  seenAt: number;
}

function mentionsOf(found: readonly Mention[], titleLength: number): StoryReport['mentions'] {
  const byEntity = new Map<string, StoryReport['mentions'][number]>();
  for (const m of found) {
    const entry = byEntity.get(m.entityId) ?? { entityId: m.entityId, count: 0, inHeadline: false, inLead: false };
    entry.count += 1;
    entry.inHeadline ||= m.start < titleLength;
    entry.inLead ||= m.start >= titleLength && m.start < titleLength + LEAD_LENGTH;
    byEntity.set(m.entityId, entry);
  }
  return [...byEntity.values()];
}

/** The report for one item, or null when it names no tracked company. */
function matchFeedStory(story: FeedStory, matcher: Matcher, model: TextModel, fetchedAt: number): FeedMatch | null {
  const found = matcher.findMentions(story.text);
  if (found.length === 0) return null;
  const business = classifyBusiness(
    { title: story.title, text: story.lead, canonicalUrl: story.url, section: story.publisher ?? undefined },
    model,
  );
  const lead = cutText(story.lead, STORED_LEAD_CHARS);
  const published = story.publishedTime === null ? null : Date.parse(story.publishedTime);
  return {
    report: {
      url: story.url,
      visitedUrl: story.url,
      title: story.title,
      publisher: story.publisher,
      byline: story.author,
      publishedTime: story.publishedTime,
      lang: null,
      section: null,
      isBusiness: business.isBusiness,
      businessScore: business.score,
      mentions: mentionsOf(found, story.title.length),
      snippets: lead ? [lead] : [],
    },
    signature: copySignature(story.title, lead),
    seenAt: published ?? fetchedAt,
  };
}

/** The items that name a tracked company, as reports, in the feed's order. */
export async function matchFeedStories(
  stories: readonly FeedStory[],
  matcher: Matcher,
  fetchedAt: number,
  slicer: Pick<Slicer, 'due' | 'pause'>,
): Promise<FeedMatch[]> {
  const matches: FeedMatch[] = [];
  if (matcher.isEmpty) return matches;
  const model = createTextModel(BUSINESS_SHORT_MODEL);
  for (const story of stories) {
    if (slicer.due()) await slicer.pause();
    const match = matchFeedStory(story, matcher, model, fetchedAt);
    if (match) matches.push(match);
  }
  return matches;
}
