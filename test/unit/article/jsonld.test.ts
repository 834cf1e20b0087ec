import { describe, expect, it } from 'vitest';
import { findArticleNode, MAX_BLOCK_CHARS, readJsonLd, resolveRef, typesOf } from '@/utils/article/jsonld';
import { loadFixture, pageFrom } from './load';

function pageWithBlocks(...blocks: string[]): Document {
  return pageFrom(
    `<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`,
  );
}

describe('readJsonLd', () => {
  it('flattens @graph and finds the article among other nodes, with @type as an array', () => {
    const nodes = readJsonLd(loadFixture('jsonld-graph.html'));
    const article = findArticleNode(nodes);
    expect(article?.headline).toBe('Why small lenders are racing to offer green mortgages');
    expect(typesOf(article ?? {})).toEqual(['Article', 'BlogPosting']);
  });

  it('resolves an author given as an @id reference', () => {
    const nodes = readJsonLd(loadFixture('jsonld-graph.html'));
    const author = resolveRef(findArticleNode(nodes)?.author, nodes) as { name?: string };
    expect(author.name).toBe('Dana Whitfield');
  });

  it('reads schema.org URLs and prefixed names as plain types', () => {
    const nodes = readJsonLd(
      pageWithBlocks('{"@type":"http://schema.org/NewsArticle","headline":"A"}', '{"@type":"schema:Article"}'),
    );
    expect(nodes.flatMap(typesOf)).toEqual(['NewsArticle', 'Article']);
  });

  it('skips a block too large to be article metadata, and still reads the real one after it', () => {
    const padding = 'x'.repeat(MAX_BLOCK_CHARS);
    const nodes = readJsonLd(
      pageWithBlocks(
        `{"@type":"NewsArticle","headline":"Decoy","description":"${padding}"}`,
        '{"@type":"NewsArticle","headline":"Real"}',
      ),
    );
    expect(nodes.map((n) => n.headline)).toEqual(['Real']);
  });

  it('reads top-level arrays and mainEntity objects', () => {
    const nodes = readJsonLd(
      pageWithBlocks(
        '[{"@type":"Organization","name":"O"},{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"H"}}]',
      ),
    );
    expect(findArticleNode(nodes)?.headline).toBe('H');
  });

  it('skips broken blocks without throwing, and repairs trailing commas and raw line breaks', () => {
    const nodes = readJsonLd(loadFixture('jsonld-broken.html'));
    expect(nodes).toHaveLength(1);
    expect(findArticleNode(nodes)?.headline).toBe('Stadtwerke senken die Strompreise zum Jahreswechsel');
  });

  it('unwraps CDATA sections, bare or commented', () => {
    const nodes = readJsonLd(
      pageWithBlocks(
        '<![CDATA[ {"@type":"NewsArticle","headline":"A"} ]]>',
        '//<![CDATA[\n{"@type":"NewsArticle","headline":"B"}\n//]]>',
      ),
    );
    expect(nodes.map((n) => n.headline)).toEqual(['A', 'B']);
  });

  it('returns nothing for a page without JSON-LD', () => {
    expect(readJsonLd(pageFrom('<html><body><p>Hi</p></body></html>'))).toEqual([]);
  });
});
