/**
 * The store's in-memory client (test/support/memory-client.ts) for component tests, with its live
 * story and company arrays exposed so a test can check what was written.
 */

import type { MemoryClientOptions } from '@/test/support/memory-client';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryRecord, StoryView } from '@/utils/stories';
import { memoryStoreClient } from '../../support/memory-client';

export interface FakeInit extends MemoryClientOptions {
  stories?: StoryRecord[];
  entities?: TrackedEntity[];
}

export function fakeClient(
  init: FakeInit = {},
): StoreClient & { state: { stories: StoryRecord[]; entities: TrackedEntity[] } } {
  const state = { stories: init.stories ?? [], entities: init.entities ?? [] };
  return Object.assign(memoryStoreClient(state.stories, state.entities, init), { state });
}

let counter = 0;

/** A stored story with sensible defaults; `overrides` set what a test cares about. */
export function story(overrides: Partial<StoryView> = {}): StoryView {
  counter++;
  const base: StoryRecord = {
    url: `https://news.example/story-${counter}`,
    visitedUrl: `https://news.example/story-${counter}`,
    title: `Story ${counter}`,
    publisher: 'Example News',
    byline: null,
    publishedTime: null,
    lang: 'en',
    section: null,
    isBusiness: false,
    businessScore: 0.1,
    mentions: [],
    snippets: [],
    firstSeen: 1_000_000 + counter,
    lastSeen: 1_000_000 + counter,
    read: false,
    starred: false,
  };
  return { ...base, alsoAt: [], ...overrides };
}
