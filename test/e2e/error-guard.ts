/**
 * Collects every uncaught error in a browser, from the pages' own scripts and from the extension
 * (its service worker, its pages, and its content scripts' isolated worlds), through the
 * DevTools protocol. Errors the extension catches are reported too when it logs them: News
 * Tracker logs a caught failure with a "News Tracker:" prefix (at debug level in content
 * scripts, so pages stay quiet), and on a hostile page even a caught failure means a story or a
 * highlight was lost.
 */
import type { BrowserContext } from 'playwright-core';
import { stackUrls, watchTargets } from './devtools-targets';

const EXTENSION = 'chrome-extension://';

export interface ErrorGuard {
  /** One line per error: where it happened and its message. */
  errors(): string[];
  /** Resolves once every target opened so far is watched. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface ExceptionDetails {
  text?: string;
  url?: string;
  stackTrace?: unknown;
  exception?: { description?: string; value?: unknown };
}

interface RemoteObject {
  type?: string;
  value?: unknown;
  description?: string;
}

function describe(arg: RemoteObject): string {
  return arg.type === 'string' ? String(arg.value) : (arg.description ?? String(arg.value));
}

export async function watchErrors(context: BrowserContext): Promise<ErrorGuard> {
  const errors: string[] = [];
  /** Execution contexts per target that belong to the extension (content-script worlds). */
  const extensionWorlds = new Set<string>();
  const watch = await watchTargets(context, ['Runtime'], (target, method, params) => {
    const inExtensionTarget = target.url.startsWith(EXTENSION);
    if (method === 'Runtime.executionContextCreated') {
      const ctx = params.context as { id: number; origin?: string };
      if (ctx.origin?.startsWith(EXTENSION)) extensionWorlds.add(`${target.targetId}/${ctx.id}`);
    } else if (method === 'Runtime.exceptionThrown') {
      const details = params.exceptionDetails as ExceptionDetails;
      const urls = [details.url ?? '', ...stackUrls(details.stackTrace)];
      const who = inExtensionTarget || urls.some((u) => u.startsWith(EXTENSION)) ? 'extension' : 'page';
      const message = details.exception?.description ?? String(details.exception?.value ?? details.text);
      errors.push(`${who} error in ${target.url}: ${details.text ?? 'Uncaught'} ${message.split('\n')[0]}`);
    } else if (method === 'Runtime.consoleAPICalled') {
      const fromExtension =
        inExtensionTarget ||
        extensionWorlds.has(`${target.targetId}/${params.executionContextId}`) ||
        stackUrls(params.stackTrace).some((u) => u.startsWith(EXTENSION));
      if (!fromExtension) return;
      const text = ((params.args ?? []) as RemoteObject[]).map(describe).join(' ');
      const level = String(params.type);
      if (level === 'error' || level === 'warning' || level === 'assert' || text.startsWith('News Tracker:')) {
        errors.push(`extension ${level} in ${target.url}: ${text.split('\n')[0]}`);
      }
    }
  });
  await watch.settled();
  return { errors: () => [...errors], settled: () => watch.settled(), stop: () => watch.stop() };
}
