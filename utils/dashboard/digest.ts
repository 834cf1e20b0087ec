/**
 * The weekly digest: the stories published in the past seven days, grouped by company, each
 * story once, then a short list of older stories first read in those days (a 2016 story read
 * this week is not this week's news). A story's date is when it was published, or first read
 * where the page gave none (`storyDate`). Copies of one story under other URLs (same headline
 * or same text) become "also at" links, and a story naming several companies is listed under
 * the one it is most about, with the others named. Rendered as Markdown and plain text for an
 * email, and as a standalone HTML page. Everything taken from web pages is escaped for the
 * format it goes into.
 */

import { storyRelevance } from '../db/facts';
import { titleKeyOf } from '../db/story-index';
import type { TrackedEntity } from '../entities';
import { type EntityMention, type StoryRecord, storyDate } from '../stories';
import { type DayRange, dayLabel, dayOf, type TimeZone } from './days';

export const DIGEST_DAYS = 7;
/** Older stories read in the week: this many are listed, the rest counted. */
export const OLDER_SHOWN = 10;

export interface DigestStory {
  title: string;
  url: string;
  publisher: string | null;
  firstSeen: number;
  /** When it was published (`storyDate`), and that local day. */
  published: number;
  day: number;
  business: boolean;
  /** Other copies of the same story. */
  alsoAt: { publisher: string | null; url: string }[];
  /** Other tracked companies the story names. */
  alsoMentions: string[];
}

export interface DigestSection {
  entityId: string;
  name: string;
  stories: DigestStory[];
}

export interface Digest {
  range: DayRange;
  sections: DigestSection[];
  storyCount: number;
  /** Up to OLDER_SHOWN stories published before the week and first read in it, newest published first. */
  older: DigestStory[];
  olderCount: number;
}

/** How strongly a story is about one company: in the headline, then the lead, then how often. */
const weight = (m: EntityMention) => (m.inHeadline ? 1e6 : 0) + (m.inLead ? 1e3 : 0) + Math.min(m.count, 999);

/** Copies share a headline (as the store groups them) or the text's fingerprint. */
function groupCopies(stories: readonly StoryRecord[]): StoryRecord[][] {
  const groups: StoryRecord[][] = [];
  const byKey = new Map<string, StoryRecord[]>();
  for (const story of [...stories].sort((a, b) => a.firstSeen - b.firstSeen)) {
    const keys = [titleKeyOf(story.title), story.fingerprint ? `f:${story.fingerprint}` : undefined].filter(
      (k): k is string => k !== undefined,
    );
    const group = keys.map((k) => byKey.get(k)).find((g) => g !== undefined);
    if (group) group.push(story);
    else groups.push([story]);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, group ?? (groups.at(-1) as StoryRecord[]));
  }
  return groups;
}

/** One entry for a story and its copies: the copy most about the tracked companies leads (the one read first on a tie). */
function digestEntry(copies: StoryRecord[], entities: readonly TrackedEntity[], zone: TimeZone) {
  const names = new Set(entities.map((e) => e.id));
  const lead = copies.reduce((best, s) => (storyRelevance(s) > storyRelevance(best) ? s : best));
  const tracked = lead.mentions.filter((m) => names.has(m.entityId)).sort((a, b) => weight(b) - weight(a));
  const main = tracked[0] as EntityMention;
  const otherIds = new Set(copies.flatMap((c) => c.mentions.map((m) => m.entityId)));
  otherIds.delete(main.entityId);
  const published = Math.min(...copies.map(storyDate));
  const story: DigestStory = {
    title: lead.title,
    url: lead.url,
    publisher: lead.publisher,
    firstSeen: Math.min(...copies.map((c) => c.firstSeen)),
    published,
    day: dayOf(published, zone),
    business: copies.some((c) => c.isBusiness),
    alsoAt: copies.filter((c) => c !== lead).map((c) => ({ publisher: c.publisher, url: c.url })),
    alsoMentions: entities.filter((e) => otherIds.has(e.id)).map((e) => e.name),
  };
  return { story, entityId: main.entityId, rank: storyRelevance(lead) };
}

export function buildDigest(
  stories: readonly StoryRecord[],
  entities: readonly TrackedEntity[],
  range: DayRange,
  zone: TimeZone,
): Digest {
  const tracked = new Set(entities.map((e) => e.id));
  const inWeek = (ms: number) => {
    const day = dayOf(ms, zone);
    return day >= range.first && day <= range.last;
  };
  const candidates = stories.filter(
    (s) => s.mentions.some((m) => tracked.has(m.entityId)) && (inWeek(storyDate(s)) || inWeek(s.firstSeen)),
  );
  const sections = new Map<string, { story: DigestStory; rank: number }[]>();
  const older: DigestStory[] = [];
  for (const copies of groupCopies(candidates)) {
    const entry = digestEntry(copies, entities, zone);
    if (entry.story.day < range.first) {
      older.push(entry.story);
      continue;
    }
    const list = sections.get(entry.entityId) ?? [];
    list.push(entry);
    sections.set(entry.entityId, list);
  }
  const result: DigestSection[] = entities.flatMap((e) => {
    const list = sections.get(e.id);
    if (!list) return [];
    list.sort((a, b) => b.rank - a.rank || b.story.published - a.story.published);
    return [{ entityId: e.id, name: e.name, stories: list.map((x) => x.story) }];
  });
  older.sort((a, b) => b.published - a.published);
  return {
    range,
    sections: result,
    storyCount: result.reduce((n, s) => n + s.stories.length, 0),
    older: older.slice(0, OLDER_SHOWN),
    olderCount: older.length,
  };
}

export function digestTitle(digest: Digest, locale?: string): string {
  return `News digest, ${dayLabel(digest.range.first, locale)} to ${dayLabel(digest.range.last, locale)}`;
}

const storyCountText = (n: number) => (n === 1 ? '1 story' : `${n} stories`);
export const OLDER_HEADING = 'Older stories read this week';
/** "and 3 more", for the older stories beyond those listed; null when all are listed. */
export const olderRest = (digest: Digest) =>
  digest.olderCount > digest.older.length ? `and ${digest.olderCount - digest.older.length} more` : null;
const source = (publisher: string | null, url: string) => publisher ?? new URL(url).hostname;

/** Markdown that shows page text literally: every character Markdown could read as syntax is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/gu, '\\$&').replace(/\s+/gu, ' ');
}

/** A URL inside Markdown's `<...>` link form, where only spaces and angle brackets need care. */
const markdownUrl = (url: string) => `<${url.replace(/[<> ]/gu, (c) => encodeURIComponent(c))}>`;

export function digestToMarkdown(digest: Digest, locale?: string): string {
  const lines = [`# ${escapeMarkdown(digestTitle(digest, locale))}`, ''];
  if (digest.sections.length === 0) lines.push('No stories about tracked companies this week.', '');
  for (const section of digest.sections) {
    lines.push(`## ${escapeMarkdown(section.name)} (${storyCountText(section.stories.length)})`, '');
    for (const s of section.stories) {
      const extras = [
        s.publisher ? escapeMarkdown(s.publisher) : null,
        dayLabel(s.day, locale),
        s.business ? 'business' : null,
      ].filter(Boolean);
      lines.push(`- [${escapeMarkdown(s.title)}](${markdownUrl(s.url)}) — ${extras.join(', ')}`);
      if (s.alsoMentions.length > 0) lines.push(`  - Also mentions ${s.alsoMentions.map(escapeMarkdown).join(', ')}`);
      if (s.alsoAt.length > 0) {
        const links = s.alsoAt.map((c) => `[${escapeMarkdown(source(c.publisher, c.url))}](${markdownUrl(c.url)})`);
        lines.push(`  - Also at ${links.join(', ')}`);
      }
    }
    lines.push('');
  }
  if (digest.older.length > 0) {
    lines.push(`## ${OLDER_HEADING} (${digest.olderCount})`, '');
    for (const s of digest.older) {
      const extras = [s.publisher ? escapeMarkdown(s.publisher) : null, `published ${dayLabel(s.day, locale)}`];
      lines.push(`- [${escapeMarkdown(s.title)}](${markdownUrl(s.url)}) — ${extras.filter(Boolean).join(', ')}`);
    }
    const rest = olderRest(digest);
    lines.push(...(rest ? [`- ${rest}`] : []), '');
  }
  return lines.join('\n');
}

/** Plain text for an email body: no markup, one story per block, the address on its own line. */
export function digestToText(digest: Digest, locale?: string): string {
  const title = digestTitle(digest, locale);
  const lines = [title, '='.repeat(title.length), ''];
  if (digest.sections.length === 0) lines.push('No stories about tracked companies this week.', '');
  for (const section of digest.sections) {
    const head = `${oneLine(section.name)} (${storyCountText(section.stories.length)})`;
    lines.push(head, '-'.repeat(head.length), '');
    for (const s of section.stories) {
      const extras = [s.publisher ? oneLine(s.publisher) : null, dayLabel(s.day, locale)];
      lines.push(`* ${oneLine(s.title)}`, `  ${extras.filter(Boolean).join(', ')}${s.business ? ', business' : ''}`);
      lines.push(`  ${s.url}`);
      if (s.alsoMentions.length > 0) lines.push(`  Also mentions ${s.alsoMentions.map(oneLine).join(', ')}`);
      for (const c of s.alsoAt) lines.push(`  Also at ${oneLine(source(c.publisher, c.url))}: ${c.url}`);
      lines.push('');
    }
  }
  if (digest.older.length > 0) {
    const head = `${OLDER_HEADING} (${digest.olderCount})`;
    lines.push(head, '-'.repeat(head.length), '');
    for (const s of digest.older) {
      const extras = [s.publisher ? oneLine(s.publisher) : null, `published ${dayLabel(s.day, locale)}`];
      lines.push(`* ${oneLine(s.title)}`, `  ${extras.filter(Boolean).join(', ')}`, `  ${s.url}`, '');
    }
    const rest = olderRest(digest);
    if (rest) lines.push(`* ${rest}`, '');
  }
  return lines.join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** A standalone page: inline styles only, no scripts, readable on screen and on paper. */
export function digestToHtml(digest: Digest, locale?: string): string {
  const title = escapeHtml(digestTitle(digest, locale));
  const link = (url: string, text: string) => `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
  const body = digest.sections.map((section) => {
    const items = section.stories.map((s) => {
      const meta = [s.publisher, dayLabel(s.day, locale), s.business ? 'business' : null]
        .filter((x): x is string => Boolean(x))
        .map(escapeHtml)
        .join(' · ');
      const mentions = s.alsoMentions.length
        ? `<div class="more">Also mentions ${escapeHtml(s.alsoMentions.join(', '))}</div>`
        : '';
      const copies = s.alsoAt.length
        ? `<div class="more">Also at ${s.alsoAt.map((c) => link(c.url, source(c.publisher, c.url))).join(', ')}</div>`
        : '';
      return `<li>${link(s.url, s.title)}<div class="meta">${meta}</div>${mentions}${copies}</li>`;
    });
    const heading = `${escapeHtml(section.name)} <span class="count">(${storyCountText(section.stories.length)})</span>`;
    return `<section><h2>${heading}</h2><ul>${items.join('')}</ul></section>`;
  });
  const empty = digest.sections.length === 0 ? '<p>No stories about tracked companies this week.</p>' : '';
  if (digest.older.length > 0) {
    const items = digest.older.map((s) => {
      const meta = [s.publisher, `published ${dayLabel(s.day, locale)}`].filter((x): x is string => Boolean(x));
      return `<li>${link(s.url, s.title)}<div class="meta">${meta.map(escapeHtml).join(' · ')}</div></li>`;
    });
    const rest = olderRest(digest);
    if (rest) items.push(`<li class="meta">${rest}</li>`);
    const count = `<span class="count">(${digest.olderCount})</span>`;
    body.push(`<section><h2>${OLDER_HEADING} ${count}</h2><ul>${items.join('')}</ul></section>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1c1f24; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #cfd4da; }
ul { padding-left: 1.1rem; } li { margin: 0 0 0.7rem; } a { color: #0b5cad; }
.meta, .more, .count { color: #545b66; font-size: 0.9rem; font-weight: normal; }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="meta">${storyCountText(digest.storyCount)} about tracked companies, made by News Tracker on this device.</p>
${empty}${body.join('\n')}
</body>
</html>
`;
}
