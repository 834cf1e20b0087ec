/**
 * Where the shared corpora are: ../shared/corpora beside the clone, or NEWS_TRACKER_CORPORA.
 * They are read at test time and never copied into the repository. A clone without them still
 * runs `npm test`: the tests that read them are skipped, and scripts/test.ts says why.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');

export const HAVE_CORPORA = existsSync(CORPORA);
