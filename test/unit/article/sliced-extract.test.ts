import { describe, expect, it } from 'vitest';
import { extractStory, extractStorySliced } from '@/utils/article/extract';
import { mainTextSteps } from '@/utils/article/main-text';
import { createSlicer } from '@/utils/highlight/slicer';
import { pageFrom } from './load';

const URL = 'https://harbour-herald.example/business/2025/05/06/northwind-opens-warehouse';

/** An article with a byline, a date, a list of links beside the story and `shelves` shelves of short items. */
function warehousePage(shelves: number): Document {
  const items: string[] = [];
  for (let i = 0; i < shelves; i++) items.push(`<p><span>shelf ${i}</span> <span>bay ${i}</span></p>`);
  const prose =
    'Northwind Holdings said the new warehouse on the harbour front would employ two hundred people by spring.';
  return pageFrom(`<!doctype html><html lang="en"><head><title>Northwind opens a warehouse - Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2025-05-06T08:30:00Z"></head>
<body><article><h1>Northwind opens a warehouse</h1><p class="byline">By Mara Lindqvist</p>
<p>${prose}</p><p>${prose} The council approved the plans last year.</p>
<ul><li><a href="/a">Port strike ends</a></li><li><a href="/b">Ferry fares rise</a></li><li><a href="/c">Dock sold</a></li></ul>
<div>${items.join('')}</div></article></body></html>`);
}

/** A slicer that counts the pauses it is asked for; `due` says when its slice is used up. */
function countingSlicer(due: () => boolean) {
  const slicer = {
    pauses: 0,
    due,
    async pause() {
      slicer.pauses += 1;
    },
  };
  return slicer;
}

/** A clock that moves on a millisecond each time it is read. */
function ticking(): () => number {
  let now = 0;
  return () => now++;
}

describe('extractStorySliced', () => {
  it('pauses between slices on a long page and reads the same story as extractStory', async () => {
    const page = warehousePage(3000);
    const slicer = countingSlicer(() => true);
    const story = await extractStorySliced(page, URL, slicer);
    // 3,000 shelves are some 15,000 nodes: dozens of slices.
    expect(slicer.pauses).toBeGreaterThan(10);
    expect(story).toEqual(extractStory(page, URL));
    expect(story.title).toBe('Northwind opens a warehouse');
    expect(story.byline).toBe('Mara Lindqvist');
    expect(story.publishedTime).toBe('2025-05-06T08:30:00.000Z');
    expect(story.text).toMatch(/^Northwind Holdings said/u);
    expect(story.text).toContain('shelf 2999 bay 2999');
    expect(story.text).not.toContain('Ferry fares rise');
  });

  it('does not pause on a short page or while the slicer says there is time (negative controls)', async () => {
    // The real slicer's 8 ms budget, on a clock that moves on at every check.
    const budgeted = () => {
      const clock = createSlicer(8, ticking());
      return countingSlicer(() => clock.due());
    };
    const short = budgeted();
    expect((await extractStorySliced(warehousePage(5), URL, short)).text).toContain('shelf 4 bay 4');
    expect(short.pauses).toBe(0);
    const long = budgeted();
    await extractStorySliced(warehousePage(3000), URL, long);
    expect(long.pauses).toBeGreaterThan(0);

    const page = warehousePage(3000);
    const unhurried = countingSlicer(() => false);
    expect(await extractStorySliced(page, URL, unhurried)).toEqual(extractStory(page, URL));
    expect(unhurried.pauses).toBe(0);
  });

  it('lets the page run between slices and finishes when the page changes meanwhile', async () => {
    const page = warehousePage(3000);
    const shelves = page.querySelectorAll('article > div > p');
    let turns = 0;
    const timer = setInterval(() => {
      turns += 1;
      // The page takes shelves away while the story is read.
      shelves[shelves.length - turns]?.remove();
    }, 0);
    try {
      const story = await extractStorySliced(page, URL, createSlicer(8, ticking()));
      expect(turns).toBeGreaterThan(0);
      expect(story.title).toBe('Northwind opens a warehouse');
      expect(story.text).toContain('Northwind Holdings said');
      expect(story.text).not.toContain('shelf 2999 bay 2999');
    } finally {
      clearInterval(timer);
    }
  });
});

describe('mainTextSteps', () => {
  /** Steps through the main text, counting the moments it may pause at. */
  function run(page: Document): { text: string; pauses: number } {
    const steps = mainTextSteps(page);
    let pauses = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return { text: step.value, pauses };
      pauses++;
    }
  }
  const article = (paragraphs: string[]) =>
    pageFrom(
      `<!doctype html><html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );

  it('folds a huge text a few paragraphs at a time, giving the same paragraphs', () => {
    const raw = Array.from({ length: 200 }, (_, i) => `Northwind \u00a0 said\tthe ${'harbour '.repeat(250)}plan ${i}.`);
    const { text, pauses } = run(article(raw));
    expect(text.split('\n\n')).toEqual(raw.map((p) => p.replace(/[\s\u00a0]+/gu, ' ').trim()));
    // 200 paragraphs of some 2,000 characters: the folding pauses every 65,536 characters.
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('does not pause on a short story (negative control)', () => {
    const { text, pauses } = run(article(['Northwind said the plan would go ahead.', 'The council agreed.']));
    expect(text).toBe('Northwind said the plan would go ahead.\n\nThe council agreed.');
    expect(pauses).toBe(0);
  });
});
