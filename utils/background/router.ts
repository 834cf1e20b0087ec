/**
 * Routes one incoming runtime message: checks its shape and origin, validates the payload,
 * runs the handler and wraps the outcome in a Reply. Nothing a web page sends can reach a
 * privileged handler: content scripts may only send `CONTENT_MESSAGES`.
 */
import type { Runtime } from 'webextension-polyfill';
import { CONTENT_MESSAGES, isMessageType, type MessageType, type Reply, validators } from '../messaging';
import type { Handlers } from './handlers';

/** True when the sender is one of our own extension pages rather than a content script. */
export function isExtensionPage(sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  return sender.tab === undefined || (sender.url?.startsWith(extensionOrigin) ?? false);
}

export async function routeMessage(
  handlers: Handlers,
  raw: unknown,
  sender: Runtime.MessageSender,
  extensionOrigin: string,
): Promise<Reply<unknown>> {
  try {
    if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'Malformed message: not an object.' };
    const { type, payload } = raw as { type?: unknown; payload?: unknown };
    if (!isMessageType(type)) return { ok: false, error: `Unknown message type: ${describeType(type)}` };
    if (!CONTENT_MESSAGES.has(type) && !isExtensionPage(sender, extensionOrigin)) {
      return { ok: false, error: `Message ${type} is not allowed from a web page.` };
    }
    const request = validators[type](payload);
    const handler = handlers[type] as (req: unknown, ctx: { tabId: number | undefined }) => Promise<unknown>;
    return { ok: true, value: await handler(request, { tabId: sender.tab?.id }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Names an unknown type for the error without converting it (an object without a prototype cannot be). */
function describeType(type: unknown): string {
  return typeof type === 'string' ? type.slice(0, 60) : `(${type === null ? 'null' : typeof type})`;
}

export type { MessageType };
