import { describe, expect, it } from 'vitest';
import { panelSections } from '@/utils/content/page-panel';
import { createEntity } from '@/utils/entities';

const [apple, microsoft, tesla] = ['Apple', 'Microsoft', 'Tesla'].map((name, i) => createEntity({ name }, i)) as [
  ReturnType<typeof createEntity>,
  ReturnType<typeof createEntity>,
  ReturnType<typeof createEntity>,
];
const entities = [apple, microsoft, tesla];
const rows = (section: { rows: { name: string; count: number }[] } | undefined) =>
  section?.rows.map((r) => `${r.name} ${r.count}`);

describe('the panel’s sections', () => {
  it('on an article: the story’s companies and counts first, then what is highlighted beyond them', () => {
    const highlighted = new Map([
      [apple.id, 5],
      [microsoft.id, 2],
      [tesla.id, 2],
    ]);
    const [article, elsewhere, more] = panelSections(entities, highlighted, [{ entityId: apple.id, count: 4 }]);
    expect(article?.title).toBe('In the article');
    expect(rows(article)).toEqual(['Apple 4']);
    expect(elsewhere?.title).toBe('Elsewhere on the page');
    expect(rows(elsewhere)).toEqual(['Apple 1', 'Microsoft 2', 'Tesla 2']);
    expect(more).toBeUndefined();
  });

  it('says the article names none of the companies when only its menu does', () => {
    const sections = panelSections(entities, new Map([[microsoft.id, 1]]), []);
    expect(sections.map((s) => [s.title, rows(s), s.empty])).toEqual([
      ['In the article', [], 'None of your companies'],
      ['Elsewhere on the page', ['Microsoft 1'], undefined],
    ]);
  });

  it('on any other page: what is highlighted; and nothing at all where nothing is', () => {
    expect(panelSections(entities, new Map([[tesla.id, 3]]), null).map((s) => [s.title, rows(s)])).toEqual([
      ['On this page', ['Tesla 3']],
    ]);
    expect(panelSections(entities, new Map(), null)).toEqual([]);
    expect(panelSections(entities, new Map(), [])).toEqual([]);
  });
});
