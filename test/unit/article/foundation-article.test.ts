import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/utils/article/detect';
import { extractStory } from '@/utils/article/extract';

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the demo article', () => {
  const doc = load(readFileSync('test/fixtures/demo/business-article.html', 'utf8'));
  it('is detected as an article', () => {
    expect(detectArticle(doc, 'http://127.0.0.1/demo').isArticle).toBe(true);
  });
  it('gives its headline and a canonical URL without tracking parameters', () => {
    const story = extractStory(doc, 'http://127.0.0.1/demo/business-article.html');
    expect(story.title).toBe('Phone maker moves European user data to new Irish data centre');
    expect(story.canonicalUrl).toBe('https://demo-ledger.example/business/2026/11/phone-maker-data-centre');
  });
});

describe('a page without article markup', () => {
  it('is not an article', () => {
    const doc = load(readFileSync('test/fixtures/pages/not-an-article.html', 'utf8'));
    expect(detectArticle(doc, 'http://127.0.0.1/recipes').isArticle).toBe(false);
  });
});
