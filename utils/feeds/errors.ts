/**
 * Why a feed could not be read, in words a person can act on. Every failure of fetching or
 * parsing is a `FeedError`: its `kind` is for code (the state machine and tests), its message
 * is what the options page shows beside the feed.
 */

export type FeedErrorKind =
  /** Not an http: or https: address, or redirected to one that is not. */
  | 'address'
  | 'network'
  | 'timeout'
  | 'redirect-loop'
  | 'too-large'
  /** The server answered with an error status. */
  | 'http'
  | 'empty'
  | 'image'
  | 'html'
  | 'opml'
  | 'bad-json'
  | 'not-a-feed'
  | 'malformed'
  /** A DOCTYPE declaring entities: refused rather than expanded ("billion laughs"). */
  | 'entities';

export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  /** The HTTP status, when the server gave one. */
  readonly status: number | null;

  constructor(kind: FeedErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'FeedError';
    this.kind = kind;
    this.status = status;
  }
}

export function isFeedError(error: unknown): error is FeedError {
  return error instanceof FeedError;
}
