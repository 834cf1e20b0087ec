/**
 * Finds tracked companies in text. All enabled aliases are compiled once into a matcher that
 * is reused for every text node of a page.
 */
import type { TrackedEntity } from '../entities';

export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

export interface Matcher {
  /** Mentions in `text`, in order, never overlapping. */
  findMentions(text: string): Mention[];
  readonly isEmpty: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Letters and digits of any script are word characters; ASCII `\b` is not enough. */
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

export function compileMatcher(entities: readonly TrackedEntity[]): Matcher {
  const owner = new Map<string, string>();
  const sensitive: string[] = [];
  const insensitive: string[] = [];
  for (const entity of entities) {
    if (!entity.enabled) continue;
    for (const alias of entity.aliases) {
      const pattern = alias.wholeWord ? `${BEFORE}${escapeRegExp(alias.text)}${AFTER}` : escapeRegExp(alias.text);
      (alias.matchCase ? sensitive : insensitive).push(pattern);
      owner.set(alias.matchCase ? alias.text : alias.text.toLocaleLowerCase(), entity.id);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const regexes = [
    sensitive.length > 0 ? new RegExp(sensitive.sort(byLength).join('|'), 'gu') : null,
    insensitive.length > 0 ? new RegExp(insensitive.sort(byLength).join('|'), 'giu') : null,
  ];
  return {
    isEmpty: owner.size === 0,
    findMentions(text) {
      const found: Mention[] = [];
      for (const [i, regex] of regexes.entries()) {
        if (!regex) continue;
        for (const m of text.matchAll(regex)) {
          const key = i === 0 ? m[0] : m[0].toLocaleLowerCase();
          const entityId = owner.get(key);
          if (entityId) found.push({ entityId, start: m.index, end: m.index + m[0].length });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      return found.filter((m, i) => i === 0 || m.start >= (found[i - 1]?.end ?? 0));
    },
  };
}
