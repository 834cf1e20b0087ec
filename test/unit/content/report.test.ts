import { describe, expect, it } from 'vitest';
import type { ExtractedStory } from '@/utils/article/extract';
import { buildStoryReport } from '@/utils/content/report';
import { createEntity } from '@/utils/entities';
import { compileMatcher } from '../../support/compile-matcher';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const samsung = createEntity({ name: 'Samsung' }, 1);
const matcher = compileMatcher([xiaomi, samsung]);
const business = { isBusiness: true, score: 0.9, reasons: [] };
/** A slicer that never asks for a pause: these stories are short. */
const unhurried = { due: () => false, pause: async () => {} };

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
  it('counts a company named in the headline when the main text starts below it', async () => {
    const report = await buildStoryReport(
      story('Xiaomi beats Samsung', 'Sales rose in Europe.\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi?utm_source=x',
      matcher,
      unhurried,
    );
    expect(report?.mentions).toEqual([
      { entityId: xiaomi.id, count: 2, inHeadline: true, inLead: true },
      { entityId: samsung.id, count: 1, inHeadline: true, inLead: true },
    ]);
  });

  it('does not count the headline twice when the main text already starts with it', async () => {
    const report = await buildStoryReport(
      story('Xiaomi beats Samsung', 'Xiaomi beats Samsung\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi',
      matcher,
      unhurried,
    );
    expect(report?.mentions.find((m) => m.entityId === xiaomi.id)?.count).toBe(2);
  });

  it('takes snippets from the body, and from the headline only for a company the body never names', async () => {
    const report = await buildStoryReport(
      story('Xiaomi beats Samsung', 'Sales rose in Europe.\n\nXiaomi said demand held up.'),
      business,
      'https://news.example/business/xiaomi',
      matcher,
      unhurried,
    );
    // Each from the one paragraph (or headline) that names the company, never run into the next.
    expect(report?.snippets).toEqual(['Xiaomi said demand held up.', 'Xiaomi beats Samsung']);
  });

  it('reports nothing for a story that names no tracked company', async () => {
    expect(
      await buildStoryReport(
        story('Markets calm', 'Nothing to see.'),
        business,
        'https://x.example/',
        matcher,
        unhurried,
      ),
    ).toBeNull();
  });

  it('searches a huge story a piece at a time, pausing when the slicer says so, and counts the same', async () => {
    const filler = 'Sales rose in Europe as shipments recovered. '.repeat(4000);
    const long = story(
      'Markets calm',
      `Xiaomi said demand held up.\n\n${filler}\n\nSamsung and Xiaomi report next week.`,
    );
    let pauses = 0;
    const hurried = {
      due: () => true,
      pause: async () => {
        pauses += 1;
      },
    };
    const report = await buildStoryReport(long, business, 'https://news.example/business/xiaomi', matcher, hurried);
    expect(pauses).toBeGreaterThan(1);
    expect(report?.mentions.map((m) => [m.entityId, m.count])).toEqual([
      [xiaomi.id, 2],
      [samsung.id, 1],
    ]);
    // Negative control: the same story with time to spare is searched without a pause.
    pauses = 0;
    const calm = { ...hurried, due: () => false };
    expect(await buildStoryReport(long, business, 'https://news.example/business/xiaomi', matcher, calm)).toEqual(
      report,
    );
    expect(pauses).toBe(0);
  });
});
