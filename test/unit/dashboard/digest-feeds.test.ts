import { describe, expect, it } from 'vitest';
import { dayOf, namedZone, periodRange } from '@/utils/dashboard/days';
import { buildDigest, DIGEST_DAYS } from '@/utils/dashboard/digest';
import { createEntity } from '@/utils/entities';
import { storyRecord } from './story-fixtures';

const zone = namedZone('Europe/Paris');
const now = Date.parse('2026-03-10T11:00:00Z');
const xiaomi = { ...createEntity({ name: 'Xiaomi' }, 0), id: 'xiaomi' };
const mentions = [{ entityId: 'xiaomi', count: 1, inHeadline: true, inLead: false }];

describe('weekly digest with feeds', () => {
  it('includes the stories feeds found beside those read on pages, on the day they were published', () => {
    const fromFeed = storyRecord({
      url: 'https://wire.example/a',
      title: 'Xiaomi opens a plant',
      firstSeen: Date.parse('2026-03-08T07:00:00Z'),
      feedId: 'f1',
      read: false,
      mentions,
    });
    const onPage = storyRecord({
      url: 'https://news.example/b',
      title: 'Xiaomi results',
      firstSeen: Date.parse('2026-03-09T07:00:00Z'),
      mentions,
    });
    const digest = buildDigest([fromFeed, onPage], [xiaomi], periodRange(DIGEST_DAYS, now, zone), zone);
    expect(digest.sections[0]?.stories.map((s) => [s.title, s.day])).toEqual([
      ['Xiaomi results', dayOf(Date.parse('2026-03-09T07:00:00Z'), zone)],
      ['Xiaomi opens a plant', dayOf(Date.parse('2026-03-08T07:00:00Z'), zone)],
    ]);
    expect(digest.storyCount).toBe(2);
  });
});
