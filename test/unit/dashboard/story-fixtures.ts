import type { StoryRecord } from '@/utils/stories';

/** A stored story with sensible defaults; tests override what they are about. */
export function storyRecord(overrides: Partial<StoryRecord> = {}): StoryRecord {
  return {
    url: 'https://news.example/a',
    visitedUrl: 'https://news.example/a',
    title: 'Xiaomi opens a data centre',
    publisher: 'News Example',
    byline: null,
    publishedTime: null,
    lang: 'en',
    section: null,
    isBusiness: true,
    businessScore: 0.8,
    mentions: [{ entityId: 'xiaomi', count: 2, inHeadline: true, inLead: false }],
    snippets: ['Xiaomi said on Monday'],
    firstSeen: Date.UTC(2026, 2, 10, 12),
    lastSeen: Date.UTC(2026, 2, 10, 12),
    read: false,
    starred: false,
    ...overrides,
  };
}
