/**
 * The helpers the schema's upgrade steps (schema.ts) use, copied when version 7 was the latest
 * and never edited afterwards: an upgrade step must do the same work on every machine, whenever
 * it runs, however story-index.ts, search-index.ts and facts.ts change later. A later step that
 * needs a helper as it is then gets a copy of its own, in a file of its own.
 */
import type { StoryRecord } from '../stories';

/** A stored story as the steps write it (story-index.ts's StoredStory, frozen). */
export interface UpgradedStory extends Omit<StoryRecord, 'snippets'> {
  snippets: (string | Uint8Array)[];
  sid?: number;
  words?: string[];
  entityKeys: [string, number][];
  titleKey?: string;
  groupId?: string;
  unreadSeen?: number;
  starredSeen?: number;
}

/** A story's fact as the steps write it (facts.ts's StoryFact, frozen). */
export interface UpgradedFact {
  sid?: number;
  url: string;
  title: string;
  publisher: string | null;
  firstSeen: number;
  business: boolean;
  entityIds: string[];
  relevance: number;
}

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an and or of to in on for with at by from as is are was were be been has have had it its this that not but ' +
    'will would can could says said de la le les el los das der die und du des et en'
  ).split(' '),
);
const MAX_WORDS = 48;
const MIN_TITLE_WORDS = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const snippetsOf = (story: { snippets: (string | Uint8Array)[] }) =>
  story.snippets.map((s) => (typeof s === 'string' ? s : fromUtf8.decode(s)));

function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function searchWords(story: Pick<UpgradedStory, 'title' | 'publisher' | 'snippets'>): string[] {
  const all = [story.title, story.publisher ?? '', ...snippetsOf(story)].flatMap(splitWords);
  return [...new Set(all.filter((w) => w.length >= 2 && !STOP_WORDS.has(w)))].slice(0, MAX_WORDS);
}

function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function titleKeyOf(title: string): string | undefined {
  const words = splitWords(title);
  return words.length >= MIN_TITLE_WORDS ? hashText(words.join(' ')) : undefined;
}

export function toRecord(stored: UpgradedStory): StoryRecord {
  const {
    sid: _n,
    words: _w,
    entityKeys: _e,
    titleKey: _t,
    groupId: _g,
    unreadSeen: _u,
    starredSeen: _s,
    ...plain
  } = stored;
  return { ...plain, snippets: snippetsOf(stored) };
}

export function toStored(record: StoryRecord | UpgradedStory, groupId?: string, sid?: number): UpgradedStory {
  const plain = toRecord(record as UpgradedStory);
  const stored: UpgradedStory = {
    ...plain,
    snippets: plain.snippets.map((s) => utf8.encode(s)),
    entityKeys: [...new Set(record.mentions.map((m) => m.entityId))].map((id) => [id, record.lastSeen]),
  };
  if (sid !== undefined) stored.sid = sid;
  const titleKey = titleKeyOf(record.title);
  if (titleKey) stored.titleKey = titleKey;
  if (groupId) stored.groupId = groupId;
  if (!record.read) stored.unreadSeen = record.lastSeen;
  if (record.starred) stored.starredSeen = record.lastSeen;
  return stored;
}

export function toFact(
  story: Pick<StoryRecord, 'url' | 'title' | 'publisher' | 'firstSeen' | 'isBusiness' | 'mentions'>,
  sid?: number,
): UpgradedFact {
  let headline = 0;
  let lead = 0;
  let count = 0;
  for (const m of story.mentions) {
    if (m.inHeadline) headline += 1;
    if (m.inLead) lead += 1;
    count += m.count;
  }
  const fact: UpgradedFact = {
    url: story.url,
    title: story.title,
    publisher: story.publisher,
    firstSeen: story.firstSeen,
    business: story.isBusiness,
    entityIds: [...new Set(story.mentions.map((m) => m.entityId))],
    relevance: headline * 1_000_000 + lead * 1_000 + Math.min(count, 999),
  };
  if (sid !== undefined) fact.sid = sid;
  return fact;
}

/** The part of the searchPostings store the steps write. */
export interface PostingWriter {
  get(key: [string, number]): Promise<number[] | undefined>;
  put(sids: number[], key: [string, number]): Promise<unknown>;
}

/** Adds the search-index entries of many numbered stories at once: one write per [word, week]. */
export async function addPostingsInBulk(store: PostingWriter, stories: Iterable<UpgradedStory>): Promise<void> {
  const lists = new Map<string, { key: [string, number]; sids: number[] }>();
  for (const story of stories) {
    if (story.sid === undefined) continue;
    const week = Math.floor(story.lastSeen / WEEK_MS);
    for (const word of searchWords(story)) {
      const id = `${word}\u0000${week}`;
      const list = lists.get(id) ?? { key: [word, week], sids: [] };
      list.sids.push(story.sid);
      lists.set(id, list);
    }
  }
  await Promise.all(
    [...lists.values()].map(async ({ key, sids }) => store.put([...((await store.get(key)) ?? []), ...sids], key)),
  );
}
