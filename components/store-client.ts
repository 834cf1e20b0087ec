/**
 * TEMPORARY: the StoreClient contract agreed with the store work (issue 5), declared here until
 * utils/client.ts carries it. Replace imports of this file with '@/utils/client' then delete it.
 */
import type { NewEntityInput, TrackedEntity } from '@/utils/entities';
import type { Settings } from '@/utils/settings';
import type { StoryRecord } from '@/utils/stories';

export interface StoryQuery {
  entityId?: string;
  publisher?: string;
  unread?: boolean;
  starred?: boolean;
  search?: string;
  limit: number;
  cursor?: string | null;
}
export interface StoryView extends StoryRecord {
  alsoAt: { publisher: string | null; url: string }[];
}
export interface StoryPage {
  stories: StoryView[];
  cursor: string | null;
}
export interface PageStatus {
  url: string;
  isArticle: boolean;
  isBusiness: boolean;
  mentions: { entityId: string; count: number }[];
}

export interface StoreClient {
  listStories(query: StoryQuery): Promise<StoryPage>;
  setStoryFlags(url: string, flags: { read?: boolean; starred?: boolean }): Promise<void>;
  markAllRead(): Promise<number>;
  deleteStory(url: string): Promise<void>;
  listEntities(): Promise<TrackedEntity[]>;
  addEntity(input: NewEntityInput): Promise<TrackedEntity>;
  addEntities(
    inputs: NewEntityInput[],
  ): Promise<{ added: TrackedEntity[]; skipped: { name: string; reason: string }[] }>;
  updateEntity(id: string, patch: Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>): Promise<TrackedEntity>;
  removeEntity(id: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  getPageStatus(tabId: number): Promise<PageStatus | null>;
  exportData(): Promise<{ entities: TrackedEntity[]; stories: StoryRecord[] }>;
  importEntities(entities: TrackedEntity[]): Promise<{ added: number; changed: number }>;
  deleteAllData(): Promise<void>;
  getStorageProblem(): Promise<string | null>;
}
