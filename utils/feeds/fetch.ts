/**
 * One polite, private request for a feed. No cookies or credentials, no referrer, no browser
 * cache (our own validators make it conditional), a deadline over the whole exchange (a server
 * sending a byte a second is cut off), a size cap read from the stream, http(s) only.
 *
 * Redirects are followed by fetch itself: browsers answer `redirect: 'manual'` with an opaque
 * response that hides the status and Location, in extension service workers too, so a loop or
 * a redirect to another scheme shows only as a network error. When a request fails that way,
 * one probe with `redirect: 'manual'` tells whether the address redirects at all, so the
 * message can say so. Whether a move is permanent is decided by the feed's state (state.ts).
 * `fetch` is a parameter so tests can run it against a local server.
 */
import { parseFeedDate } from './dates';
import { FeedError } from './errors';

export const FETCH_TIMEOUT_MS = 20_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  fetch: typeof fetch;
  now: number;
  timeoutMs?: number;
  maxBytes?: number;
}

interface Answered {
  /** Where the response came from, after redirects. */
  finalUrl: string;
  validators: Validators;
  /** The server's `Cache-Control: max-age`, in ms, or null. */
  maxAgeMs: number | null;
}

export type FetchOutcome =
  | ({ kind: 'ok'; body: Uint8Array; contentType: string | null } & Answered)
  | ({ kind: 'not-modified' } & Answered)
  | { kind: 'gone' }
  | { kind: 'failed'; error: FeedError; retryAfterMs: number | null };

export function isHttpAddress(url: string): boolean {
  try {
    return /^https?:$/u.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

function maxAgeMs(headers: Headers): number | null {
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/iu.exec(headers.get('cache-control') ?? '');
  return m ? Number(m[1]) * 1000 : null;
}

/** `Retry-After` as seconds or an HTTP date, in ms from now, or null. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/u.test(value)) return Number(value) * 1000;
  const at = parseFeedDate(value);
  return at === null ? null : Math.max(0, at - now);
}

function answered(response: Response): Answered {
  return {
    finalUrl: response.url,
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    maxAgeMs: maxAgeMs(response.headers),
  };
}

const STATUS_WORDS: Record<number, string> = {
  401: 'asks for a login',
  403: 'refuses access',
  404: 'has no feed at this address (404)',
  429: 'asks us to slow down (429)',
};

function httpError(status: number): FeedError {
  const words = STATUS_WORDS[status] ?? (status >= 500 ? `has an error (${status})` : `answered ${status}`);
  return new FeedError('http', `The server ${words}.`, status);
}

/** Reads the body up to `max` bytes; more is cut off and refused. */
async function readCapped(response: Response, max: number, stop: () => void): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    stop();
    throw tooLarge(max);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      stop();
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(max: number): FeedError {
  return new FeedError('too-large', `The feed is larger than ${Math.round(max / 1024 / 1024)} MB, so it was cut off.`);
}

/** After a network error: does the address answer with a redirect? Then the redirects failed. */
async function redirectsFailed(url: string, options: FetchOptions, signal: AbortSignal): Promise<boolean> {
  try {
    const probe = await options.fetch(url, { ...requestInit(null, signal), redirect: 'manual' });
    await probe.body?.cancel().catch(() => {});
    return probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
  } catch {
    return false;
  }
}

function requestInit(validators: Validators | null, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return {
    method: 'GET',
    headers,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    redirect: 'follow',
    signal,
  };
}

async function exchange(url: string, validators: Validators, options: FetchOptions, controller: AbortController) {
  const response = await options.fetch(url, requestInit(validators, controller.signal));
  if (!isHttpAddress(response.url || url)) {
    throw new FeedError('address', 'The feed redirects to an address that is not http or https.');
  }
  const base = { ...answered(response), finalUrl: response.url || url };
  if (response.status === 304) return { kind: 'not-modified' as const, ...base };
  if (response.status === 410) return { kind: 'gone' as const };
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const retry = retryAfterMs(response.headers.get('retry-after'), options.now);
    return { kind: 'failed' as const, error: httpError(response.status), retryAfterMs: retry };
  }
  const body = await readCapped(response, options.maxBytes ?? MAX_FEED_BYTES, () => controller.abort());
  return { kind: 'ok' as const, ...base, body, contentType: response.headers.get('content-type') };
}

export async function fetchFeed(url: string, validators: Validators, options: FetchOptions): Promise<FetchOutcome> {
  if (!isHttpAddress(url)) {
    return {
      kind: 'failed',
      error: new FeedError('address', 'Only http and https addresses can be watched.'),
      retryAfterMs: null,
    };
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    return await exchange(url, validators, options, controller);
  } catch (error) {
    return { kind: 'failed', error: await explain(error, url, options, controller, timedOut), retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
}

async function explain(
  error: unknown,
  url: string,
  options: FetchOptions,
  controller: AbortController,
  timedOut: boolean,
) {
  if (error instanceof FeedError) return error;
  const seconds = Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000);
  if (timedOut) return new FeedError('timeout', `The server took longer than ${seconds} s to send the feed.`);
  if (!controller.signal.aborted && (await redirectsFailed(url, options, controller.signal))) {
    return new FeedError(
      'redirect-loop',
      'The address redirects in a loop, or to an address that is not http or https.',
    );
  }
  return new FeedError('network', 'The server could not be reached.');
}
