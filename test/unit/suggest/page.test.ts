import { afterEach, describe, expect, it } from 'vitest';
import { keepArticleVerdict, keepStoryForSuggestions } from '@/utils/content/kept-story';
import { pageForSuggestions, readPageForSuggestions, suggestionInput } from '@/utils/suggest/page';
import { loadSuggester } from '@/utils/suggest/suggester';
import { MAX_TEXT_LENGTH } from '@/utils/suggest/tab-reading';

/** What the popup shows for the page: the tab's reading, then the finder run on it in the popup. */
async function suggestionsForPage(document: Document, url: string) {
  const input = pageForSuggestions(document, url);
  return input ? (await loadSuggester())(input) : [];
}

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  return doc;
}

const ARTICLE = `
<head>
  <title>Siemens and Nokia sign network deal - The Test Courier</title>
  <meta property="og:title" content="Siemens and Nokia sign network deal">
  <meta property="og:site_name" content="The Test Courier">
</head>
<body>
  <nav><ul><li>Markets</li><li>Reuters Graphics</li></ul></nav>
  <article>
    <h1>Siemens and Nokia sign network deal</h1>
    <p>Siemens AG and Nokia Oyj agreed on Tuesday to build private networks for factories.</p>
    <ul><li><p>Nokia's shares were little changed.</p></li></ul>
    <aside><p>Sponsored: Acme Widgets Inc sells widgets.</p></aside>
    <p>Siemens expects the first orders next year, The Test Courier was told.</p>
  </article>
</body>`;

describe('readPageForSuggestions', () => {
  it('reads headline, publisher and the article paragraphs as the content script does, without menus or asides', () => {
    const input = readPageForSuggestions(page(ARTICLE), 'https://courier.example/deal');
    expect(input.title).toBe('Siemens and Nokia sign network deal');
    expect(input.publisher).toBe('The Test Courier');
    expect(input.text.split(/\n+/u)).toEqual([
      'Siemens AG and Nokia Oyj agreed on Tuesday to build private networks for factories.',
      "Nokia's shares were little changed.",
      'Siemens expects the first orders next year, The Test Courier was told.',
    ]);
  });

  it('falls back to the whole text of a page without paragraphs', () => {
    const input = readPageForSuggestions(
      page('<body><div>Xiaomi Corp   shipped phones.</div></body>'),
      'https://x.example/',
    );
    expect(input.text).toBe('Xiaomi Corp shipped phones.');
  });
});

describe('the suggestions for a page', () => {
  it('suggests the companies of the article and not its publisher', async () => {
    const names = (await suggestionsForPage(page(ARTICLE), 'https://courier.example/deal')).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Siemens', 'Nokia']);
    expect(names).not.toContain('Test Courier');
    expect(names).not.toContain('Acme Widgets');
  });
});

describe('the story the content script kept', () => {
  const url = 'https://courier.example/deal';
  const kept = {
    title: 'Xiaomi profit jumps',
    publisher: 'The Test Courier',
    text: 'Xiaomi Corp said on Thursday its profit rose. Xiaomi Inc. sells phones.',
  };
  afterEach(() => keepStoryForSuggestions({ title: '', publisher: null, text: '' }, 'about:blank'));

  it('is what the suggestions come from on the address it was read at, instead of the page read again', async () => {
    keepStoryForSuggestions(kept, url);
    expect(suggestionInput(page(ARTICLE), url)).toEqual({ ...kept, url });
    const names = (await suggestionsForPage(page(ARTICLE), url)).map((s) => s.name);
    expect(names[0]).toBe('Xiaomi');
    expect(names).not.toContain('Siemens');
  });

  it('is ignored on another address (a single-page app moved on), and the page is read instead', async () => {
    keepStoryForSuggestions(kept, url);
    const elsewhere = 'https://courier.example/other-story';
    expect(suggestionInput(page(ARTICLE), elsewhere)).toEqual(readPageForSuggestions(page(ARTICLE), elsewhere));
    const names = (await suggestionsForPage(page(ARTICLE), elsewhere)).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Siemens', 'Nokia']);
  });

  it('is ignored when another version of the extension left something else under its name', () => {
    (globalThis as Record<symbol, unknown>)[Symbol.for('news-tracker.kept-story')] = { url, text: 42 };
    expect(suggestionInput(page(ARTICLE), url).title).toBe('Siemens and Nokia sign network deal');
  });

  it('is cut to the length a page is read to', () => {
    keepStoryForSuggestions({ ...kept, text: 'Xiaomi '.repeat(MAX_TEXT_LENGTH) }, url);
    expect(suggestionInput(page(ARTICLE), url).text).toHaveLength(MAX_TEXT_LENGTH);
  });
});

describe('a page the content script found is not an article', () => {
  const url = 'https://courier.example/markets';
  afterEach(() => keepArticleVerdict(url, true));

  it('gets no suggestions and no work, while the same page at another address, or judged an article, is read', async () => {
    keepArticleVerdict(url, false);
    expect(await suggestionsForPage(page(ARTICLE), url)).toEqual([]);
    expect((await suggestionsForPage(page(ARTICLE), `${url}/today`)).length).toBeGreaterThan(0);
    keepArticleVerdict(url, true);
    expect((await suggestionsForPage(page(ARTICLE), url)).length).toBeGreaterThan(0);
  });
});
