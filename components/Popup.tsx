import type { StoreClient } from '@/utils/client';
import { StoryList } from './StoryList';
import { useAsync } from './useAsync';

const FIRST_PAGE = 50;

export function Popup({ client }: { client: StoreClient }) {
  const stories = useAsync(() => client.listStories({ limit: FIRST_PAGE }));
  return (
    <main class="popup">
      <h1>News Tracker</h1>
      {stories.error && <p role="alert">{stories.error}</p>}
      {stories.value && <StoryList stories={stories.value.stories} />}
    </main>
  );
}
