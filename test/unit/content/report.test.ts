import { describe, expect, it } from 'vitest';
import type { ExtractedStory } from '@/utils/article/extract';
import { buildStoryReport } from '@/utils/content/report';
import { createEntity } from '@/utils/entities';
import { compileMatcher } from '../../support/compile-matcher';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const samsung = createEntity({ name: 'Samsung' }, 1);
const matcher = compileMatcher([xiaomi, samsung]);
const business = { isBusiness: true, score: 0.9, reasons: [] };

function story(title: string, text: string): ExtractedStory {
  return {
    title,
    canonicalUrl: 'https://news.example/business/xiaomi',
    publisher: 'Example News',
    byline: null,
    publishedTime: null,
    modifiedTime: null,
    lang: 'en',
    section: null,
    description: null,
    keywords: [],
    text,
  };
}

describe('the story report', () => {
  it('counts a company named in the headline when the main text starts below it', () => {
    const report = buildStoryReport(
      story('Xiaomi beats Samsung', 'Sales rose in Europe.\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi?utm_source=x',
      matcher,
    );
    expect(report?.mentions).toEqual([
      { entityId: xiaomi.id, count: 2, inHeadline: true, inLead: true },
      { entityId: samsung.id, count: 1, inHeadline: true, inLead: true },
    ]);
  });

  it('does not count the headline twice when the main text already starts with it', () => {
    const report = buildStoryReport(
      story('Xiaomi beats Samsung', 'Xiaomi beats Samsung\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi',
      matcher,
    );
    expect(report?.mentions.find((m) => m.entityId === xiaomi.id)?.count).toBe(2);
  });

  it('takes snippets from the body, and from the headline only for a company the body never names', () => {
    const report = buildStoryReport(
      story('Xiaomi beats Samsung', 'Sales rose in Europe.\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi',
      matcher,
    );
    // Each from the one paragraph (or headline) that names the company, never run into the next.
    expect(report?.snippets).toEqual(['Xiaomi said demand held up.', 'Xiaomi beats Samsung']);
  });

  it('reports nothing for a story that names no tracked company', () => {
    expect(
      buildStoryReport(story('Markets calm', 'Nothing to see.'), business, 'https://x.example/', matcher),
    ).toBeNull();
  });
});
