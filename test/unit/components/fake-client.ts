/**
 * An in-memory StoreClient for component tests, with the store's observable behaviour: newest
 * first, cursor paging, filters, flags. Each method can be replaced to simulate a failure.
 */
import type { PageStatus, StoreClient, StoryView } from '@/components/store-client';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { StoryRecord } from '@/utils/stories';

export interface FakeState {
  stories: StoryView[];
  entities: TrackedEntity[];
  settings: Settings;
  pages: Map<number, PageStatus>;
  problem: string | null;
}

export function fakeClient(initial: Partial<FakeState> = {}): StoreClient & { state: FakeState } {
  const state: FakeState = {
    stories: [],
    entities: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    pages: new Map(),
    problem: null,
    ...initial,
  };
  const find = (url: string) => state.stories.find((s) => s.url === url);
  return {
    state,
    async listStories(q) {
      const search = q.search?.toLowerCase();
      const matching = [...state.stories]
        .sort((a, b) => b.lastSeen - a.lastSeen)
        .filter(
          (s) =>
            (!q.entityId || s.mentions.some((m) => m.entityId === q.entityId)) &&
            (!q.unread || !s.read) &&
            (!q.starred || s.starred) &&
            (!search || `${s.title} ${s.publisher} ${s.snippets.join(' ')}`.toLowerCase().includes(search)),
        );
      const start = q.cursor ? Number(q.cursor) : 0;
      const end = start + q.limit;
      // Copies, as the real client's answers arrive through messages.
      return {
        stories: structuredClone(matching.slice(start, end)),
        cursor: end < matching.length ? String(end) : null,
      };
    },
    async setStoryFlags(url, flags) {
      Object.assign(find(url) ?? {}, flags);
    },
    async markAllRead() {
      const unread = state.stories.filter((s) => !s.read);
      for (const s of unread) s.read = true;
      return unread.length;
    },
    async deleteStory(url) {
      state.stories = state.stories.filter((s) => s.url !== url);
    },
    async listEntities() {
      return structuredClone(state.entities);
    },
    async addEntity(input) {
      const entity = createEntity(input, state.entities.length);
      if (state.entities.some((e) => e.name.toLowerCase() === entity.name.toLowerCase())) {
        throw new Error(`"${entity.name}" is already tracked.`);
      }
      state.entities.push(entity);
      return entity;
    },
    async addEntities(inputs) {
      const added: TrackedEntity[] = [];
      const skipped: { name: string; reason: string }[] = [];
      for (const input of inputs) {
        try {
          added.push(await this.addEntity(input));
        } catch {
          skipped.push({ name: input.name, reason: 'already tracked' });
        }
      }
      return { added, skipped };
    },
    async updateEntity(id, patch) {
      const entity = state.entities.find((e) => e.id === id);
      if (!entity) throw new Error('No such company.');
      Object.assign(entity, patch);
      return entity;
    },
    async removeEntity(id) {
      const before = state.entities.length;
      state.entities = state.entities.filter((e) => e.id !== id);
      return state.entities.length < before;
    },
    async getSettings() {
      return structuredClone(state.settings);
    },
    async saveSettings(settings) {
      state.settings = structuredClone(settings);
      return structuredClone(settings);
    },
    async getPageStatus(tabId) {
      return state.pages.get(tabId) ?? null;
    },
    async exportData() {
      return { entities: [...state.entities], stories: [...state.stories] };
    },
    async importEntities(entities) {
      let added = 0;
      let changed = 0;
      for (const entity of entities) {
        const index = state.entities.findIndex((e) => e.id === entity.id);
        if (index >= 0) {
          state.entities[index] = entity;
          changed++;
        } else {
          state.entities.push(entity);
          added++;
        }
      }
      return { added, changed };
    },
    async deleteAllData() {
      state.entities = [];
      state.stories = [];
      state.settings = structuredClone(DEFAULT_SETTINGS);
    },
    async getStorageProblem() {
      return state.problem;
    },
  };
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
