/**
 * Stories to files. JSON keeps every stored field; CSV is one row per story with the tracked
 * companies named (not just their IDs), so a spreadsheet reads on its own.
 */
import type { TrackedEntity } from '../entities';
import type { StoryRecord } from '../stories';
import { writeCsv } from './csv';
import { spreadsheetTime, wrapExport, yesNo } from './files';

export const STORY_CSV_HEADER = [
  'Title',
  'URL',
  'Publisher',
  'Byline',
  'Published',
  'First seen (UTC)',
  'Last seen (UTC)',
  'Business news',
  'Business score',
  'Companies',
  'Mentions',
  'Read',
  'Starred',
  'Section',
  'Language',
  'Snippets',
  'Visited URL',
];

export function storiesToJson(stories: readonly StoryRecord[], now = Date.now()): string {
  return `${JSON.stringify(wrapExport('stories', [...stories], now), null, 2)}\n`;
}

export function storiesToCsv(stories: readonly StoryRecord[], entities: readonly TrackedEntity[]): string {
  const names = new Map(entities.map((e) => [e.id, e.name]));
  // A company deleted since the story was recorded still gets a readable cell.
  const nameOf = (id: string) => names.get(id) ?? `(removed company ${id})`;
  const rows = stories.map((s) => [
    s.title,
    s.url,
    s.publisher ?? '',
    s.byline ?? '',
    s.publishedTime ?? '',
    spreadsheetTime(s.firstSeen),
    spreadsheetTime(s.lastSeen),
    yesNo(s.isBusiness),
    s.businessScore.toFixed(2),
    s.mentions.map((m) => nameOf(m.entityId)).join('; '),
    s.mentions.map((m) => `${nameOf(m.entityId)}: ${m.count}`).join('; '),
    yesNo(s.read),
    yesNo(s.starred),
    s.section ?? '',
    s.lang ?? '',
    s.snippets.join('\n'),
    s.visitedUrl,
  ]);
  return writeCsv([STORY_CSV_HEADER, ...rows]);
}
