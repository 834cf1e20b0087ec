/**
 * Stories listed on the dashboard, each group of copies (the same story run by several
 * publishers, grouped "also at" when stored) once, where its first copy in the list stands.
 */
import type { StoryFact } from '../db/facts';

export interface ListedStory {
  fact: StoryFact;
  /** The group's other copies in the list, in list order. */
  copies: StoryFact[];
}

export function listOnce(facts: readonly StoryFact[]): ListedStory[] {
  const listed: ListedStory[] = [];
  const byGroup = new Map<number, ListedStory>();
  for (const fact of facts) {
    const group = fact.copyOf ?? fact.sid;
    const known = group === undefined ? undefined : byGroup.get(group);
    if (known) {
      known.copies.push(fact);
      continue;
    }
    const entry: ListedStory = { fact, copies: [] };
    listed.push(entry);
    if (group !== undefined) byGroup.set(group, entry);
  }
  return listed;
}
