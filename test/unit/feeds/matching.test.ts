import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { areCopies } from '@/utils/feeds/copies';
import type { FeedItem } from '@/utils/feeds/feed';
import { matchFeedStories, STORED_LEAD_CHARS } from '@/utils/feeds/matching';
import { storiesFromFeed } from '@/utils/feeds/stories';
import { createSlicer } from '@/utils/highlight/slicer';
import { compileMatcher } from '../../support/compile-matcher';

const FETCHED = Date.UTC(2026, 2, 2, 9);
const xiaomi = { ...createEntity({ name: 'Xiaomi' }, 0), id: 'xiaomi' };
const nvidia = { ...createEntity({ name: 'Nvidia' }, 1), id: 'nvidia' };
const matcher = compileMatcher([xiaomi, nvidia]);

function item(title: string, summary: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    guid: null,
    title,
    link: `https://news.example/business/${title.length}`,
    published: null,
    summary,
    content: '',
    author: null,
    ...extra,
  };
}

async function matched(items: FeedItem[], feedTitle = 'Wire') {
  const { stories } = storiesFromFeed(
    { format: 'rss', title: feedTitle, siteUrl: null, ttlMinutes: null, items },
    FETCHED,
  );
  return matchFeedStories(stories, matcher, FETCHED, createSlicer());
}

describe('matchFeedStories', () => {
  it('keeps the items that name a tracked company, as page reports are made, and drops the rest', async () => {
    const found = await matched([
      item(
        'Xiaomi opens a second car plant',
        'The plant near Beijing will double output. Nvidia chips power its driver aids.',
        {
          published: FETCHED - 3600_000,
          author: 'Ann Lee',
        },
      ),
      item('Weather: a mild week ahead', 'Sunshine and light winds are expected across the region.'),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.report).toMatchObject({
      url: 'https://news.example/business/31',
      visitedUrl: 'https://news.example/business/31',
      title: 'Xiaomi opens a second car plant',
      publisher: 'Wire',
      byline: 'Ann Lee',
      publishedTime: new Date(FETCHED - 3600_000).toISOString(),
      mentions: [
        { entityId: 'xiaomi', count: 1, inHeadline: true, inLead: false },
        { entityId: 'nvidia', count: 1, inHeadline: false, inLead: true },
      ],
      snippets: ['The plant near Beijing will double output. Nvidia chips power its driver aids.'],
    });
    expect(found[0]?.seenAt).toBe(FETCHED - 3600_000);
  });

  it('classifies the short text with the address and the feed title as the publisher’s hints', async () => {
    const text = 'Xiaomi unveiled its new phone on Tuesday, with a bigger screen and a longer battery life.';
    const [markets] = await matched([item('Xiaomi shows a new phone', text)], 'Markets');
    const [sport] = await matched(
      [item('Xiaomi shows a new phone', text, { link: 'https://news.example/sport/phone' })],
      'Sport',
    );
    // The same words: only the address (/business/ or /sport/) and the feed title differ.
    expect(markets?.report.businessScore).toBeGreaterThan((sport?.report.businessScore ?? 1) + 0.3);
    expect(markets?.report.isBusiness).toBe(true);
    expect(sport?.report.isBusiness).toBe(false);
  });

  it('tells business news from the rest by the headline and lead alone, without hints', async () => {
    const link = (n: number) => ({ link: `https://news.example/news/${n}` });
    const [funding, derby] = await matched([
      item(
        'Xiaomi-backed startup raises $50 million',
        'The chip designer will spend the money on a new plant.',
        link(1),
      ),
      item('Xiaomi-sponsored club wins the derby', 'Two late goals gave the home side a 3-1 win on Saturday.', link(2)),
    ]);
    expect(funding?.report.isBusiness).toBe(true);
    expect(derby?.report.isBusiness).toBe(false);
  });

  it('classifies an item by its headline and lead, not by the rest of its content', async () => {
    const content = `<p>${'The match went to extra time and the striker scored twice. '.repeat(30)}</p>`;
    const [found] = await matched([
      item('Xiaomi shares fall after profit warning', 'The phone maker cut its sales forecast for the year.', {
        link: 'https://news.example/news/3',
        content,
      }),
    ]);
    expect(found?.report.isBusiness).toBe(true);
  });

  it('keeps a short lead, dated items at their date and undated ones at the fetch', async () => {
    const long = `Xiaomi ${'said a great deal about its plans for the year ahead. '.repeat(20)}`;
    const [one] = await matched([item('A long one', long)]);
    expect(one?.report.snippets[0]?.length).toBeLessThanOrEqual(STORED_LEAD_CHARS);
    expect(one?.report.snippets[0]?.endsWith('…')).toBe(true);
    expect(one?.seenAt).toBe(FETCHED);
  });

  it('gives copies the same signature story as stored leads compare (a wire story under two titles)', async () => {
    const lead =
      'Xiaomi said on Monday it would open a second electric car plant near Beijing next year, doubling its output as orders outrun supply.';
    const [a, b] = await matched([
      item('Xiaomi to open second car plant', lead, { link: 'https://one.example/a' }),
      item('Xiaomi plans second EV factory near Beijing', lead, { link: 'https://two.example/b' }),
    ]);
    expect(a && b && areCopies(a.signature, b.signature)).toBe(true);
  });

  it('finds nothing with nothing tracked', async () => {
    const empty = compileMatcher([]);
    const { stories } = storiesFromFeed(
      { format: 'rss', title: 'Wire', siteUrl: null, ttlMinutes: null, items: [item('Xiaomi news', 'Xiaomi.')] },
      FETCHED,
    );
    expect(await matchFeedStories(stories, empty, FETCHED, createSlicer())).toEqual([]);
  });
});
