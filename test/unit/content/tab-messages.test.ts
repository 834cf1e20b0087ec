import { describe, expect, it, vi } from 'vitest';
import { answerTabMessage } from '@/utils/content/tab-messages';
import type { PageReading } from '@/utils/stories';

const ID = 'news-tracker-id';
const READING: PageReading = {
  url: 'https://shop.example/post',
  storyUrl: 'https://shop.example/post',
  isArticle: false,
  isBusiness: false,
  mentions: [{ entityId: 'e1', count: 2 }],
};

function session() {
  return {
    readPage: vi.fn(async () => READING),
    setVerdict: vi.fn(async () => ({ applied: true, recorded: true })),
  };
}

describe('what the content script takes from the background', () => {
  it('answers the background: what the page names, and the person’s word on it', async () => {
    const s = session();
    const background = { id: ID };
    expect(await answerTabMessage(s, { type: 'tab:readPage', payload: {} }, background, ID)).toEqual({
      ok: true,
      value: READING,
    });
    const verdict = { type: 'tab:setVerdict', payload: { url: READING.url, isNews: true } };
    expect(await answerTabMessage(s, verdict, background, ID)).toEqual({
      ok: true,
      value: { applied: true, recorded: true },
    });
    expect(s.setVerdict).toHaveBeenCalledWith(READING.url, true);
  });

  it('refuses anyone else, unknown messages and malformed ones, without acting on them', async () => {
    const s = session();
    const verdict = { type: 'tab:setVerdict', payload: { url: READING.url, isNews: true } };
    const refusals = [
      await answerTabMessage(s, verdict, { id: 'another-extension' }, ID),
      await answerTabMessage(s, verdict, { id: ID, tab: { id: 3 } as never }, ID),
      await answerTabMessage(s, { type: 'ui:saveSettings', payload: {} }, { id: ID }, ID),
      await answerTabMessage(s, 'tab:setVerdict', { id: ID }, ID),
      await answerTabMessage(
        s,
        { type: 'tab:setVerdict', payload: { url: 'javascript:alert(1)', isNews: true } },
        { id: ID },
        ID,
      ),
      await answerTabMessage(
        s,
        { type: 'tab:setVerdict', payload: { url: READING.url, isNews: 'yes' } },
        { id: ID },
        ID,
      ),
      await answerTabMessage(s, { type: 'tab:readPage', payload: 'all of it' }, { id: ID }, ID),
    ];
    expect(refusals.map((r) => r.ok)).toEqual([false, false, false, false, false, false, false]);
    expect(refusals.map((r) => (r.ok ? '' : r.error))).toEqual([
      'Not from News Tracker.',
      'Not from News Tracker.',
      'Unknown message type.',
      'Malformed message: not an object.',
      'url: URL scheme javascript: is not allowed',
      'isNews: expected true or false',
      'request: expected an object',
    ]);
    expect(s.setVerdict).not.toHaveBeenCalled();
    expect(s.readPage).not.toHaveBeenCalled();
  });
});
