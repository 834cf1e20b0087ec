/** Reads one file of ../shared/corpora/feeds (never copied into the repository). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA } from '../../support/corpora';

export { HAVE_CORPORA } from '../../support/corpora';

export function sharedFeed(id: string, ext = 'xml'): Uint8Array {
  return readFileSync(path.join(CORPORA, 'feeds', 'files', `${id}.${ext}`));
}
