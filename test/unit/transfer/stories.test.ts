import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import type { StoryRecord } from '@/utils/stories';
import { readCsv } from '@/utils/transfer/csv';
import { STORY_CSV_HEADER, storiesToCsv, storiesToJson } from '@/utils/transfer/stories';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);

const story: StoryRecord = {
  url: 'https://news.example/a',
  visitedUrl: 'https://news.example/a?utm=x',
  title: '=Xiaomi, "the phone maker", grows',
  publisher: 'Example News',
  byline: null,
  publishedTime: '2026-11-24T10:00:00Z',
  lang: 'en',
  section: 'Business',
  isBusiness: true,
  businessScore: 0.8765,
  mentions: [
    { entityId: xiaomi.id, count: 3, inHeadline: true, inLead: false },
    { entityId: 'gone', count: 1, inHeadline: false, inLead: false },
  ],
  snippets: ['Xiaomi said <b>no</b>.', 'Second'],
  firstSeen: Date.UTC(2026, 10, 24, 11, 0, 0),
  lastSeen: Date.UTC(2026, 10, 24, 12, 30, 5),
  read: false,
  starred: true,
};

describe('stories export', () => {
  it('writes JSON with every stored field', () => {
    const file = JSON.parse(storiesToJson([story], 0));
    expect(file).toMatchObject({ format: 'news-tracker', version: 1, kind: 'stories', items: [story] });
  });

  it('writes a spreadsheet row a person can read, with company names and UTC times', () => {
    const [header, row] = readCsv(storiesToCsv([story], [xiaomi]));
    expect(header!.cells).toEqual(STORY_CSV_HEADER);
    const cell = (name: string) => row!.cells[STORY_CSV_HEADER.indexOf(name)];
    expect(cell('Title')).toBe(story.title);
    expect(cell('Companies')).toBe('Xiaomi; (removed company gone)');
    expect(cell('Mentions')).toBe('Xiaomi: 3; (removed company gone): 1');
    expect(cell('Last seen (UTC)')).toBe('2026-11-24 12:30:05');
    expect(cell('Business score')).toBe('0.88');
    expect(cell('Starred')).toBe('yes');
    expect(cell('Snippets')).toBe('Xiaomi said <b>no</b>.\nSecond');
  });
});
