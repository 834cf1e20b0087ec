import { describe, expect, it, vi } from 'vitest';
import { StoryItem } from '@/components/StoryItem';
import { createEntity } from '@/utils/entities';
import { story } from './fake-client';
import { fireEvent, render, screen } from './testing';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function show(overrides: Parameters<typeof story>[0] = {}) {
  const handlers = {
    onOpen: vi.fn(),
    onToggleRead: vi.fn(),
    onToggleStar: vi.fn(),
    onDelete: vi.fn(),
    onNotNews: vi.fn(),
  };
  const item = story({
    title: '<img src=x onerror=alert(1)> Xiaomi grows',
    publisher: '<b>Evil</b> Times',
    snippets: ['<script>alert(1)</script> said Xiaomi'],
    mentions: [{ entityId: xiaomi.id, count: 2, inHeadline: true, inLead: true }],
    firstSeen: NOW - 3 * 3600_000,
    lastSeen: NOW - 3 * 3600_000,
    ...overrides,
  });
  const view = render(
    <ul>
      <StoryItem story={item} entities={new Map([[xiaomi.id, xiaomi]])} now={NOW} {...handlers} />
    </ul>,
  );
  return { item, handlers, view };
}

describe('StoryItem', () => {
  it('shows page-derived strings as text, never as HTML', () => {
    const { view } = show();
    expect(screen.getByRole('link', { name: '<img src=x onerror=alert(1)> Xiaomi grows' })).toBeTruthy();
    expect(screen.getByText('<b>Evil</b> Times')).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script> said Xiaomi')).toBeTruthy();
    expect(view.container.querySelector('img, b, script')).toBeNull();
  });

  it('shows how old the story is, with the exact time on hover, and the companies it mentions', () => {
    show();
    const time = screen.getByText('3 h ago');
    expect(time.getAttribute('title')).toMatch(/2026/);
    expect(screen.getByRole('list', { name: 'Companies mentioned' }).textContent).toBe('Xiaomi');
  });

  it('says when a story read this week came out long ago', () => {
    show({ publishedTime: '2016-03-12T09:00:00Z' });
    const time = screen.getByText(/^published (12 Mar|Mar 12,) 2016$/u);
    expect(time.getAttribute('title')).toMatch(/^Published .*2016.*first read .*2026/);
    expect(time.getAttribute('datetime')).toBe('2016-03-12T09:00:00.000Z');
  });

  it('lists syndicated copies as "also at"', () => {
    show({
      alsoAt: [
        { publisher: 'Other Paper', url: 'https://other.example/a' },
        { publisher: null, url: 'https://third.example/b' },
      ],
    });
    expect(screen.getByRole('link', { name: 'Other Paper' }).getAttribute('href')).toBe('https://other.example/a');
    expect(screen.getByRole('link', { name: 'third.example' })).toBeTruthy();
  });

  it('reports opening, starring, reading and deleting', () => {
    const { item, handlers } = show({ starred: true });
    fireEvent.click(screen.getByRole('link', { name: /Xiaomi grows/ }));
    expect(handlers.onOpen).toHaveBeenCalledWith(item);
    const star = screen.getByRole('button', { name: 'Star' });
    expect(star.getAttribute('aria-pressed')).toBe('true');
    // Icon buttons: named for screen readers, explained on hover.
    expect(star.getAttribute('title')).toBe('Unstar');
    expect(screen.getByRole('button', { name: 'Delete' }).getAttribute('title')).toBe('Delete this story');
    fireEvent.click(star);
    expect(handlers.onToggleStar).toHaveBeenCalledWith(item);
    fireEvent.click(screen.getByRole('button', { name: 'Mark read' }));
    expect(handlers.onToggleRead).toHaveBeenCalledWith(item);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(handlers.onDelete).toHaveBeenCalledWith(item);
    fireEvent.click(screen.getByRole('button', { name: 'Not a news story' }));
    expect(handlers.onNotNews).toHaveBeenCalledWith(item);
  });

  it('says unread only while it is', () => {
    show({ read: true });
    expect(screen.queryByText('Unread')).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark unread' })).toBeTruthy();
  });
});
