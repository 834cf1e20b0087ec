/**
 * Runs inside Chromium for scripts/bench/article.bench.ts, bundled from the extension's own
 * modules: the content script's start (read the tracked list and settings from
 * chrome.storage.local, then decide what to do on this page) in the extension's isolated
 * world, and story extraction plus classification in the page.
 */
import { classifyBusiness } from '../../utils/article/classify';
import { detectArticle } from '../../utils/article/detect';
import { extractStory } from '../../utils/article/extract';
import { startContentSession } from '../../utils/content/run';
import { createEntity } from '../../utils/entities';
import { validateSettings } from '../../utils/settings';
import { readContentState, SETTINGS_KEY, TRACKED_LIST_KEY } from '../../utils/tracked-list';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

/** One tracked company and default settings, as a user who has just set News Tracker up. */
export async function seedStorage(): Promise<number> {
  const entities = [createEntity({ name: 'Xiaomi', aliases: ['Xiaomi'] }, 0)];
  await chrome.storage.local.set({ [TRACKED_LIST_KEY]: entities, [SETTINGS_KEY]: validateSettings(undefined) });
  return (await readContentState()).entities.length;
}

/**
 * Milliseconds per content-script start, as `samples` values, each the mean of `batch`
 * consecutive starts timed together (browser timers are coarser than one start).
 */
export async function timeContentStart(
  samples: number,
  batch: number,
): Promise<{ ms: number[]; highlighted: boolean }> {
  const ms: number[] = [];
  let highlighted = false;
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) {
      const controller = new AbortController();
      const state = await readContentState();
      const session = startContentSession(
        {
          document,
          url: () => location.href,
          isTopFrame: true,
          signal: controller.signal,
          report: async () => {},
        },
        state,
      );
      await session.idle();
      highlighted ||= session.highlights !== null;
      controller.abort();
    }
    ms.push((performance.now() - started) / batch);
  }
  return { ms, highlighted };
}

/** The two parts of a start, timed apart in the same way: the storage read, and detection alone. */
export async function timeStartParts(samples: number, batch: number): Promise<{ storage: number[]; detect: number[] }> {
  const storage: number[] = [];
  const detect: number[] = [];
  for (let s = 0; s < samples; s++) {
    let started = performance.now();
    for (let i = 0; i < batch; i++) await readContentState();
    storage.push((performance.now() - started) / batch);
    started = performance.now();
    for (let i = 0; i < batch; i++) detectArticle(document, location.href);
    detect.push((performance.now() - started) / batch);
  }
  return { storage, detect };
}

/** Milliseconds per extraction + classification of this page, one value per run. */
export function timeExtraction(runs: number): { ms: number[]; title: string; textLength: number; isBusiness: boolean } {
  const ms: number[] = [];
  let story = extractStory(document, location.href);
  let business = classifyBusiness(story);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    story = extractStory(document, location.href);
    business = classifyBusiness(story);
    ms.push(performance.now() - started);
  }
  return { ms, title: story.title, textLength: story.text.length, isBusiness: business.isBusiness };
}
