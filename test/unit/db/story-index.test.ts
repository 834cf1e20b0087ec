/**
 * The words a story is found by. Stop words ("the", "and", "would") are neither indexed nor
 * required by a search, so they cannot crowd a story's real words out of its 48 indexed ones.
 */
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/schema';
import { flushPending } from '@/utils/db/search-index';
import { saveStory } from '@/utils/db/stories';
import { STOP_WORDS, searchTerms, searchWords } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { report } from './story-fixtures';

/**
 * A story whose snippets say little but stop words (50 of them, more than the 48 words a story
 * is indexed by), then 40 real words, the last of which is "antitrust".
 */
const REAL_WORDS = [...Array.from({ length: 39 }, (_, i) => `word${i}x`), 'antitrust'];
const WORDY_SNIPPETS = [
  'the an and or of to in on for with at by from as is are was were be been has have had it its',
  'this that not but will would can could says said de la le les el los das der die und du des et en',
  REAL_WORDS.join(' '),
];

describe('story search words', () => {
  it('holds whole stop words, not single letters', () => {
    for (const word of ['the', 'and', 'would', 'der', 'les']) expect(STOP_WORDS.has(word)).toBe(true);
    for (const letter of ['t', 'h', 'e', 's']) expect(STOP_WORDS.has(letter)).toBe(false);
    expect(STOP_WORDS.has('antitrust')).toBe(false);
  });

  it('indexes real words and leaves stop words out', () => {
    const words = searchWords({ title: 'The antitrust probe of Xiaomi', publisher: 'Wire', snippets: [] });
    expect(words).toEqual(['antitrust', 'probe', 'xiaomi', 'wire']);
  });

  it('keeps room for real words after a text full of stop words', () => {
    const words = searchWords({ title: 'Xiaomi faces a probe', publisher: null, snippets: WORDY_SNIPPETS });
    expect(words.filter((w) => STOP_WORDS.has(w))).toEqual([]);
    expect(words).toContain('antitrust');
  });

  it('drops stop words from a search except the last word, which may be the start of a longer one', () => {
    expect(searchTerms('the antitrust of')).toEqual(['antitrust', 'of']);
    expect(searchTerms('The Antitrust')).toEqual(['antitrust']);
    expect(searchTerms('the')).toEqual(['the']);
  });

  it('finds a story by a real word after many stop words, whether the search has stop words or not', async () => {
    const db = await openNewsDb();
    const wordy = report({ url: 'https://a.example/wordy', title: 'Xiaomi faces a probe', snippets: WORDY_SNIPPETS });
    const other = report({ url: 'https://b.example/other', title: 'Apple opens a store in Milan', snippets: [] });
    await saveStory(db, wordy, 1000);
    await saveStory(db, other, 2000);
    const urls = async (search: string) =>
      (await listStories(db, { limit: 10, search })).stories.map((story) => story.url);
    // Found while pending and once in the word lists.
    expect(await urls('antitrust')).toEqual(['https://a.example/wordy']);
    await flushPending(db);
    expect(await db.get('searchPending', 'sids')).toEqual([]);
    expect(await urls('antitrust')).toEqual(['https://a.example/wordy']);
    expect(await urls('the antitrust')).toEqual(['https://a.example/wordy']);
    expect(await urls('of the antitrust')).toEqual(['https://a.example/wordy']);
    expect(await urls('milan')).toEqual(['https://b.example/other']);
    expect(await urls('antitrust milan')).toEqual([]);
    // No word list was written for a stop word.
    const indexedWords = new Set((await db.getAllKeys('searchPostings')).map(([word]) => word));
    expect(indexedWords.has('antitrust')).toBe(true);
    expect([...indexedWords].filter((w) => STOP_WORDS.has(w))).toEqual([]);
  });
});
