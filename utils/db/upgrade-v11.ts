/**
 * What schema version 11 counts from the stored facts, copied when version 11 was the latest
 * and never edited afterwards (see upgrade-helpers.ts for why a step keeps its own helpers).
 */
import type { UpgradedFact } from './upgrade-helpers';

/** A record of the dayCounts store as version 11 writes it (schema-types.ts's CompanyDay, frozen). */
export interface CountedDay {
  day: number;
  entityId: string;
  stories: number;
  business: number;
  publishers: Map<string | null, number>;
  sets: Map<string, number>;
}

const DAY_MS_V11 = 86_400_000;

/** Adds the facts to `days`, per local day (the browser's zone, by first read) and company. */
export function countFactsV11(days: Map<string, CountedDay>, facts: Iterable<UpgradedFact>): void {
  for (const fact of facts) {
    const day = Math.floor((fact.firstSeen - new Date(fact.firstSeen).getTimezoneOffset() * 60_000) / DAY_MS_V11);
    const ids = [...new Set(fact.entityIds)];
    const together = [...ids].sort().join('\n');
    for (const entityId of ids) {
      const key = `${day}\n${entityId}`;
      const counted = days.get(key) ?? {
        day,
        entityId,
        stories: 0,
        business: 0,
        publishers: new Map(),
        sets: new Map(),
      };
      days.set(key, counted);
      counted.stories += 1;
      if (fact.business) counted.business += 1;
      counted.publishers.set(fact.publisher, (counted.publishers.get(fact.publisher) ?? 0) + 1);
      counted.sets.set(together, (counted.sets.get(together) ?? 0) + 1);
    }
  }
}
