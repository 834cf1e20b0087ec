import { describe, expect, it } from 'vitest';
import { DAY_MS, namedZone, periodRange } from '@/utils/dashboard/days';
import {
  buildDigest,
  DIGEST_DAYS,
  digestToHtml,
  digestToMarkdown,
  digestToText,
  escapeMarkdown,
  OLDER_SHOWN,
} from '@/utils/dashboard/digest';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import type { StoryRecord } from '@/utils/stories';
import { storyRecord } from './story-fixtures';

const tokyo = namedZone('Asia/Tokyo');
const now = Date.parse('2026-03-10T03:00:00Z'); // noon in Tokyo on Tuesday 10 March
const week = periodRange(DIGEST_DAYS, now, tokyo);
const entity = (name: string, id: string): TrackedEntity => ({ ...createEntity({ name }, 0), id });
const xiaomi = entity('Xiaomi', 'xiaomi');
const apple = entity('Apple', 'apple');
const entities = [xiaomi, apple];

let n = 0;
function story(title: string, mentions: [string, boolean][], more: Partial<StoryRecord> = {}): StoryRecord {
  n += 1;
  return storyRecord({
    url: `https://site${n}.example/story`,
    title,
    publisher: `Site ${n}`,
    firstSeen: Date.parse('2026-03-09T01:00:00Z'),
    mentions: mentions.map(([entityId, inHeadline]) => ({ entityId, count: 2, inHeadline, inLead: false })),
    ...more,
  });
}

describe('weekly digest', () => {
  it('covers the seven local days ending today, nothing older', () => {
    const stories = [
      story('Xiaomi on the first day of the week', [['xiaomi', true]], {
        firstSeen: Date.parse('2026-03-03T15:00:00Z'), // midnight starting 4 March in Tokyo
      }),
      story('Xiaomi a moment too early', [['xiaomi', true]], { firstSeen: Date.parse('2026-03-03T14:59:59Z') }),
    ];
    const digest = buildDigest(stories, entities, week, tokyo);
    expect(digest.range).toEqual({ first: week.last - 6, last: Date.parse('2026-03-10T00:00:00Z') / DAY_MS });
    expect(digest.sections.flatMap((s) => s.stories.map((x) => x.title))).toEqual([
      'Xiaomi on the first day of the week',
    ]);
  });

  it('lists what was published this week; an old story first read this week goes to a short list of its own', () => {
    const stories = [
      story('Xiaomi opens a store in Madrid', [['xiaomi', true]], { publishedTime: '2026-03-08T02:00:00Z' }),
      story('Xiaomi founded, a profile', [['xiaomi', true]], { publishedTime: '2016-03-12T09:00:00Z' }),
      // Said to be published this week but first read before it began: dated at that first read, in neither list.
      story('Apple results', [['apple', true]], {
        publishedTime: '2026-03-09T00:00:00Z',
        firstSeen: Date.parse('2026-02-20T00:00:00Z'),
        lastSeen: Date.parse('2026-03-09T05:00:00Z'),
      }),
      ...Array.from({ length: OLDER_SHOWN + 2 }, (_, i) =>
        story(`Apple archive ${i}`, [['apple', true]], {
          publishedTime: `2019-01-${String(i + 1).padStart(2, '0')}T09:00:00Z`,
        }),
      ),
    ];
    const digest = buildDigest(stories, entities, week, tokyo);
    expect(digest.sections.flatMap((s) => s.stories.map((x) => x.title))).toEqual(['Xiaomi opens a store in Madrid']);
    expect(digest.sections[0]?.stories[0]?.day).toBe(Date.parse('2026-03-08T00:00:00Z') / DAY_MS);
    expect(digest.olderCount).toBe(OLDER_SHOWN + 3);
    expect(digest.older.map((s) => s.title)).not.toContain('Apple results');
    expect(digest.older.map((s) => s.title).slice(0, 2)).toEqual(['Apple archive 11', 'Apple archive 10']);
    expect(digest.older).toHaveLength(OLDER_SHOWN);
    const markdown = digestToMarkdown(digest, 'en-GB');
    expect(markdown).toContain(`## Older stories read this week (${OLDER_SHOWN + 3})`);
    expect(markdown).toContain('— Site ');
    expect(markdown).toContain(', published Sat, 12 Jan 2019');
    expect(markdown).toContain('- and 3 more');
    expect(digestToText(digest, 'en-GB')).toContain('published Sat, 12 Jan 2019');
    expect(digestToHtml(digest, 'en-GB')).toContain('<li class="meta">and 3 more</li>');
  });

  it('lists each story once, under the company it is most about, naming the others', () => {
    const both = story('Apple and Xiaomi settle a patent fight over cameras', [
      ['xiaomi', false],
      ['apple', true],
    ]);
    const digest = buildDigest(
      [both, story('Xiaomi opens a store in Madrid', [['xiaomi', true]])],
      entities,
      week,
      tokyo,
    );
    expect(digest.sections.map((s) => [s.name, s.stories.map((x) => x.title)])).toEqual([
      ['Xiaomi', ['Xiaomi opens a store in Madrid']],
      ['Apple', ['Apple and Xiaomi settle a patent fight over cameras']],
    ]);
    expect(digest.sections[1]?.stories[0]?.alsoMentions).toEqual(['Xiaomi']);
    expect(digest.storyCount).toBe(2);
  });

  it('folds copies of a story (same headline, or same text) into one entry with "also at"', () => {
    const title = 'Xiaomi moves European user data to Ireland';
    const stories = [
      story(title, [['xiaomi', true]], { publisher: 'First Wire', firstSeen: Date.parse('2026-03-08T01:00:00Z') }),
      story(title, [['xiaomi', true]], { publisher: 'Second Post' }),
      story('Data move: Xiaomi picks Dublin', [['xiaomi', true]], {
        publisher: 'Third Daily',
        fingerprint: 'abcdef0123',
      }),
      story('Xiaomi chooses Irish data centre', [['xiaomi', false]], {
        publisher: 'Fourth',
        fingerprint: 'abcdef0123',
      }),
    ];
    const [section] = buildDigest(stories, entities, week, tokyo).sections;
    expect(section?.stories.map((s) => [s.title, s.publisher, s.alsoAt.map((c) => c.publisher)])).toEqual([
      // Equally relevant, so the newer story comes first.
      ['Data move: Xiaomi picks Dublin', 'Third Daily', ['Fourth']],
      [title, 'First Wire', ['Second Post']],
    ]);
    expect(section?.stories[1]?.firstSeen).toBe(Date.parse('2026-03-08T01:00:00Z'));
  });

  it('leaves out companies without stories, and says so when the week is empty', () => {
    const empty = buildDigest([], entities, week, tokyo);
    expect(empty.sections).toEqual([]);
    expect(digestToMarkdown(empty, 'en-GB')).toContain('No stories about tracked companies this week.');
    expect(digestToText(empty, 'en-GB')).toContain('No stories about tracked companies this week.');
    expect(digestToHtml(empty, 'en-GB')).toContain('<p>No stories about tracked companies this week.</p>');
  });

  const hostile = story('Apple <img src=x onerror=alert(1)> [click](javascript:alert(2)) *wins*', [['apple', true]], {
    publisher: '<b>Evil</b> & Co',
    url: 'https://evil.example/a?x=1&y=<2>',
    isBusiness: true,
  });
  const digest = buildDigest(
    [hostile, story('Xiaomi grows', [['xiaomi', true]], { isBusiness: false })],
    entities,
    week,
    tokyo,
  );

  it('as Markdown: headings per company, links, and page text that cannot become markup', () => {
    const markdown = digestToMarkdown(digest, 'en-GB');
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# News digest, Wed, 4 Mar 2026 to Tue, 10 Mar 2026',
      '',
      '## Xiaomi (1 story)',
    ]);
    expect(markdown).toContain(
      '- [Apple \\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(javascript:alert\\(2\\)\\) \\*wins\\*](<https://evil.example/a?x=1&y=%3C2%3E>) — \\<b\\>Evil\\</b\\> \\& Co, Mon, 9 Mar 2026, business',
    );
    expect(markdown).not.toContain('](javascript:');
  });

  it('as plain text: no markup at all, one story per block with its address', () => {
    const text = digestToText(digest, 'en-GB');
    expect(text).toContain(
      '* Apple <img src=x onerror=alert(1)> [click](javascript:alert(2)) *wins*\n  <b>Evil</b> & Co, Mon, 9 Mar 2026, business\n  https://evil.example/a?x=1&y=<2>',
    );
    expect(text.split('\n')[1]).toMatch(/^=+$/u);
  });

  it('as an HTML page: every page string escaped, no scripts, links only to the story', () => {
    const html = digestToHtml(digest, 'en-GB');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(
      '<a href="https://evil.example/a?x=1&amp;y=&lt;2&gt;">Apple &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(2)) *wins*</a>',
    );
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; Co');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/u);
  });

  it('escapes every Markdown character a title could use', () => {
    expect(escapeMarkdown('a_b*c`d#e[f]g(h)i!j|k<l>m~n\\o')).toBe(
      'a\\_b\\*c\\`d\\#e\\[f\\]g\\(h\\)i\\!j\\|k\\<l\\>m\\~n\\\\o',
    );
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });
});
