/** Pages, tracked lists and a way to start the content script on them, for the start tests. */
import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentEnvironment } from '@/utils/content/environment';
import type { ContentSession } from '@/utils/content/session';
import { startContent } from '@/utils/content/start';
import { type ContentState, writeContentState } from '@/utils/content-state';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { PageStatus } from '@/utils/stories';
import { marked, openShadowRoots } from './page-view';

openShadowRoots();

export const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
export const samsung = createEntity({ name: 'Samsung' }, 1);
export const ARTICLE_URL = 'https://news.example/business/xiaomi-ireland';
export const HOME_URL = 'https://news.example/';

export const articleHead =
  '<title>Xiaomi and Samsung race for Europe</title><meta property="og:type" content="article">' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Xiaomi and Samsung race for Europe"}</script>';
export const articleBody =
  '<article><h1>Xiaomi and Samsung race for Europe</h1>' +
  '<p>Xiaomi said on Monday it would open a data centre in Ireland, a move that follows Samsung.</p></article>';
const homeHead = '<title>News Example: news, business and sport</title><meta property="og:type" content="website">';
const homeBody =
  '<main><h2>Top stories</h2><ul>' +
  '<li><a href="/business/1">Xiaomi opens a data centre in Ireland</a></li>' +
  '<li><a href="/news/2">Flood defences to be rebuilt</a></li>' +
  '<li><a href="/sport/3">Cup final moves to the new stadium</a></li></ul></main>';

export function showArticle(): void {
  document.head.innerHTML = articleHead;
  document.body.innerHTML = articleBody;
}
export function showHomePage(): void {
  document.head.innerHTML = homeHead;
  document.body.innerHTML = homeBody;
}

export const stateOf = (entities: TrackedEntity[], settings: Partial<Settings> = {}): ContentState => ({
  entities,
  settings: { ...DEFAULT_SETTINGS, ...settings },
});

/** Writes the content state as the background does. */
export function storeState(entities: TrackedEntity[], settings: Partial<Settings> = {}): Promise<void> {
  return writeContentState(stateOf(entities, settings));
}

const running: AbortController[] = [];
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  vi.restoreAllMocks();
});

export interface Started {
  session: ContentSession;
  statuses: PageStatus[];
  errors: unknown[];
  trackedLists: string[][];
  controller: AbortController;
}

export function start(url: string, env: Partial<ContentEnvironment> = {}): Started {
  const statuses: PageStatus[] = [];
  const errors: unknown[] = [];
  const trackedLists: string[][] = [];
  const controller = new AbortController();
  running.push(controller);
  const session = startContent(
    {
      document,
      url: () => url,
      isTopFrame: true,
      signal: controller.signal,
      report: async () => undefined,
      reportStatus: async (status) => void statuses.push(status),
      ...env,
    },
    {
      onError: (error) => errors.push(error),
      onTrackedList: (entities) => trackedLists.push(entities.map((e) => e.name)),
    },
  );
  return { session, statuses, errors, trackedLists, controller };
}

/** How often the page shows `entity` highlighted. */
export const count = (entity: TrackedEntity) => marked(entity.name);

/** Waits for the session to act on a storage change (listeners run after the write resolves). */
export async function settle(session: ContentSession): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await session.idle();
}

/** Makes the content script's storage read answer with `answer` (a state, or a failure) when it comes. */
export function storageAnswers(answer: Promise<ContentState>): void {
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async () => ({ contentState: await answer }));
}
