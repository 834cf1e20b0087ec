/**
 * Stepping through mentions from the panel: next and previous, of one company or of all,
 * wrapping around at either end.
 */
import type { FoundMention } from '../highlight/scan';

export interface Step {
  mention: FoundMention;
  /** 1-based position among the mentions stepped through, and their number. */
  position: number;
  total: number;
}

/** The mentions stepped through: one company's, or all (`entityId` null). */
function poolOf(mentions: readonly FoundMention[], entityId: string | null): readonly FoundMention[] {
  return entityId === null ? mentions : mentions.filter((m) => m.entityId === entityId);
}

export function createNavigator() {
  let current: FoundMention | null = null;
  return {
    step(mentions: readonly FoundMention[], entityId: string | null, direction: 1 | -1): Step | null {
      const pool = poolOf(mentions, entityId);
      if (pool.length === 0) return null;
      const at = current ? pool.indexOf(current) : -1;
      const next = at === -1 ? (direction === 1 ? 0 : pool.length - 1) : (at + direction + pool.length) % pool.length;
      current = pool[next] as FoundMention;
      return { mention: current, position: next + 1, total: pool.length };
    },
    /** Where the mention last stepped to stands among `mentions` now (a later scan may have found more); null once it is gone. */
    place(mentions: readonly FoundMention[], entityId: string | null): Step | null {
      const pool = poolOf(mentions, entityId);
      const at = current ? pool.indexOf(current) : -1;
      return at === -1 ? null : { mention: pool[at] as FoundMention, position: at + 1, total: pool.length };
    },
    reset() {
      current = null;
    },
  };
}

/** Brings a mention into view, centred, without moving focus out of the panel. */
export function scrollToMention(mention: FoundMention): void {
  const element = mention.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
