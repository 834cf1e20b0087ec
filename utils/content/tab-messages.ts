/**
 * The content script's side of tab:* (utils/tab-messaging.ts): what the person said in the popup
 * about this page reaches the session here, from the background only. Each message is checked
 * like any other crossing into this context, and answered with a Reply.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Reply } from '../messaging';
import { isTabMessageType, type TabMessageType, type TabProtocol, tabValidators } from '../tab-messaging';
import type { ContentSession } from './session';

type Answer = Reply<TabProtocol[TabMessageType]['response']>;

/** Answers one message from the background; anything else (another sender, an unknown type) is refused. */
export async function answerTabMessage(
  session: Pick<ContentSession, 'readPage' | 'setVerdict'>,
  raw: unknown,
  sender: Pick<Runtime.MessageSender, 'id' | 'tab'>,
  extensionId: string,
): Promise<Answer> {
  try {
    // Only the extension's own background sends to a tab; another content script never can.
    if (sender.id !== extensionId || sender.tab !== undefined) throw new Error('Not from News Tracker.');
    if (typeof raw !== 'object' || raw === null) throw new Error('Malformed message: not an object.');
    const { type, payload } = raw as { type?: unknown; payload?: unknown };
    if (!isTabMessageType(type)) throw new Error('Unknown message type.');
    if (type === 'tab:readPage') {
      tabValidators[type](payload);
      return { ok: true, value: await session.readPage() };
    }
    const { url, isNews } = tabValidators['tab:setVerdict'](payload);
    return { ok: true, value: await session.setVerdict(url, isNews) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
