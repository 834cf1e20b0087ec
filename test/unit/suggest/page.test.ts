import { describe, expect, it } from 'vitest';
import { readPageForSuggestions } from '@/utils/suggest/page';
import { loadSuggester } from '@/utils/suggest/suggester';

/** What the popup shows for the page: the tab's reading, then the finder run on it in the popup. */
async function suggestionsForPage(document: Document, url: string) {
  return (await loadSuggester())(readPageForSuggestions(document, url));
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
