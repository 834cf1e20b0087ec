import type { StoryReport } from '@/utils/stories';

/** A story report as a content script would send it; override what the test is about. */
export function report(overrides: Partial<StoryReport> = {}): StoryReport {
  return {
    url: 'https://news.example/business/xiaomi-data',
    visitedUrl: 'https://news.example/business/xiaomi-data?utm_source=x',
    title: 'Xiaomi moves European user data to Ireland',
    publisher: 'News Example',
    byline: null,
    publishedTime: null,
    lang: 'en',
    section: 'Business',
    isBusiness: true,
    businessScore: 0.9,
    mentions: [{ entityId: 'xiaomi', count: 2, inHeadline: true, inLead: true }],
    snippets: ['Xiaomi said on Monday it would move data'],
    ...overrides,
  };
}
