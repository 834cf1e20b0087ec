/**
 * Runs inside Chromium for scripts/bench/article.bench.ts, bundled from the extension's own
 * modules: the content script's start (`startContent`, as entrypoints/content.ts calls it: read
 * the content state the background wrote, look at the page and stop if it is not an article) in
 * the extension's isolated world, and story extraction plus classification in the page.
 */
import { classifyBusiness } from '../../utils/article/classify';
import { detectArticle } from '../../utils/article/detect';
import { extractStory } from '../../utils/article/extract';
import { startContent } from '../../utils/content/start';
import { readContentState } from '../../utils/content-state';

/** The names the content script reads as tracked (the bench adds them through the background first). */
export async function trackedNames(): Promise<string[]> {
  return (await readContentState()).entities.map((e) => e.name);
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
  const errors: unknown[] = [];
  let highlighted = false;
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) {
      const controller = new AbortController();
      const session = startContent(
        {
          document,
          url: () => location.href,
          isTopFrame: true,
          signal: controller.signal,
          report: async () => undefined,
        },
        { onError: (error) => errors.push(error) },
      );
      await session.idle();
      highlighted ||= CSS.highlights.size > 0;
      controller.abort();
    }
    ms.push((performance.now() - started) / batch);
  }
  if (errors.length > 0) throw new Error(`The content script's start failed: ${String(errors[0])}`);
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
