import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/utils/article/detect';
import { blogEntry, chapterNavigation, listingSigns, looksLikeListing, runningText } from '@/utils/article/page-shape';
import { findProse } from '@/utils/article/prose';
import { measureText } from '@/utils/article/text-density';
import { loadFixture, pageFrom } from './load';

describe('fiction chapters are not articles', () => {
  it('rejects a chapter that declares og:type=article, because it links to the next chapter', () => {
    const verdict = detectArticle(loadFixture('fiction-chapter.html'), 'https://quillshelf.example/works/5120?view=2');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.reasons.join('; ')).toMatch(/next or previous chapter/);
  });

  it('reads chapter navigation from a visible "Next Chapter" link alone', () => {
    const page = pageFrom(
      '<body><p>Text</p><a href="/story/88/chapter-4-the-gate">Next →</a><a href="/story/88/chapter-2">Prev</a></body>',
    );
    expect(chapterNavigation(page)).toMatch(/chapter/);
  });

  it('does not mistake a news story about a bankruptcy chapter for fiction (negative control)', () => {
    const page = pageFrom(
      '<body><p>Text</p><a href="/business/2024/05/03/retailer-files-chapter-11">Next story: retailer files for Chapter 11</a><a href="/chapters">Local chapters</a></body>',
    );
    expect(chapterNavigation(page)).toBeNull();
  });
});

describe('a page listing several stories', () => {
  it('is not an article when it links to the comments of three different stories', () => {
    const document = loadFixture('blog-front.html');
    const verdict = detectArticle(document, 'https://tidewater-notes.example/autumn-notes');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.reasons.join('; ')).toMatch(/listing:commented \(-/);
    expect(listingSigns(document).commented).toBe(3);
    expect(looksLikeListing(document, 1000)).toBe(true);
  });

  it('a single post linking to its own comments is not a listing (negative control)', () => {
    const document = loadFixture('blog-post-hentry.html');
    expect(looksLikeListing(document, 1000)).toBe(false);
  });
});

describe('hAtom / h-entry blog posts', () => {
  it('counts one dated entry as a blog post, and the page as an article without JSON-LD or og:type', () => {
    const document = loadFixture('blog-post-hentry.html');
    expect(blogEntry(document)).toMatch(/blog entry/);
    const verdict = detectArticle(document, 'https://crumb.example/journal/why-we-stopped-wholesale');
    expect(verdict.isArticle).toBe(true);
    expect(verdict.reasons.join('; ')).toMatch(/h-entry/);
  });

  it('does not count several entries, or an undated one', () => {
    const two = pageFrom(
      '<body><div class="hentry"><h1 class="entry-title">A</h1><time class="published">2024-01-02</time></div><div class="hentry"><h1 class="entry-title">B</h1><time class="published">2024-01-01</time></div></body>',
    );
    expect(blogEntry(two)).toBeNull();
    const undated = pageFrom('<body><div class="h-entry"><h1 class="p-name">A</h1></div></body>');
    expect(blogEntry(undated)).toBeNull();
  });
});

describe('a "most commented" box beside a story', () => {
  it('does not make the story a listing: its links have no headlines of their own (negative control)', () => {
    const box = ['dues', 'ferry', 'boatyard', 'pier']
      .map((slug) => `<li><a href="/${slug}#comments">${slug} (12 comments)</a></li>`)
      .join('');
    const page = pageFrom(
      `<body><h1>Harbour dues rise again</h1><p>${'Story text. '.repeat(40)}</p><ul>${box}</ul></body>`,
    );
    expect(looksLikeListing(page, 480)).toBe(false);
  });
});

describe('running text', () => {
  const page = (lines: number) =>
    pageFrom(
      `<body><div class="story">${Array.from({ length: lines }, (_, i) => `Line ${i} of the council's report on the harbour, as the clerk read it out on Monday.`).join('<br><br>')}</div></body>`,
    );

  it('is found in a story written as one block of lines broken by <br>, without paragraphs', () => {
    const document = page(25);
    const prose = findProse(document);
    expect(prose.chars).toBe(0);
    expect(runningText(document, prose, measureText(document).longestBlock)).toBe(true);
  });

  it('is not found in a short block of such lines (negative control)', () => {
    const document = page(5);
    expect(runningText(document, findProse(document), measureText(document).longestBlock)).toBe(false);
  });
});
