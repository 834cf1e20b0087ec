import type { StoreClient } from '@/utils/client';
import { EntityManager } from './EntityManager';

export function Options({ client }: { client: StoreClient }) {
  return (
    <main class="options">
      <h1>News Tracker</h1>
      <EntityManager client={client} />
    </main>
  );
}
