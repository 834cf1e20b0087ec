/**
 * A full disk, remembered for the popup: it is noticed when a write fails, so it is kept in
 * storage.local (not in memory: the popup still sees it after the service worker has been
 * stopped) until a later write succeeds. The other storage problems (utils/db/problems.ts) are
 * checked when asked.
 */
import { browser } from 'wxt/browser';

export const STORAGE_PROBLEM_KEY = 'storageProblem';

export async function recordStorageProblem(message: string): Promise<void> {
  try {
    await browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: message });
  } catch {
    // storage.local may be full too; the error still reaches the user through the failed request.
  }
}

export async function clearStorageProblem(): Promise<void> {
  await browser.storage.local.remove(STORAGE_PROBLEM_KEY);
}

export async function readStorageProblem(): Promise<string | null> {
  const stored = (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY];
  return typeof stored === 'string' ? stored : null;
}
