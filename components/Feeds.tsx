import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { FeedClient } from '@/utils/feed-client';
import { addressToUrl } from '@/utils/feeds/find';
import { exportOpml, importOpml } from '@/utils/feeds/opml';
import type { FeedOptions, WatchedFeed, WatchResult } from '@/utils/feeds/watched';
import { checkSize } from '@/utils/transfer/errors';
import { saveTextFile } from './download';
import { FeedOptionsFields } from './FeedOptionsFields';
import { FeedPicker } from './FeedPicker';
import { FeedRow } from './FeedRow';
import { useAsync } from './useAsync';
import './Feeds.css';

export interface FeedsProps {
  feeds: FeedClient;
  client: Pick<StoreClient, 'listEntities'>;
  save?: (fileName: string, text: string, type: string) => void;
  now?: () => number;
}

/** While a feed waits for its first check, the list is read again this often. */
const REFRESH_MS = 1500;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function watchedWords(result: WatchResult): string {
  if (result.kind === 'already') return `${result.url} is watched already.`;
  if (result.kind === 'choices') return 'This site offers several feeds: pick the ones to watch.';
  const name = result.feed.title ?? result.feed.url;
  return `Watching ${name}: ${plural(result.newStories, 'new story', 'new stories')} about your companies.`;
}

/** The options page's "News feeds": watch feeds or sites, see how each is doing, and the schedule. */
export function Feeds({ feeds, client, save = saveTextFile, now = Date.now }: FeedsProps) {
  const state = useAsync(() => feeds.list());
  const entities = useAsync(() => client.listEntities());
  const [address, setAddress] = useState('');
  const [choices, setChoices] = useState<{ url: string; title: string | null }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = state.value?.feeds ?? [];
  const waiting = list.some((f) => f.status === 'new' && !f.paused);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(state.reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [state.value]);

  /** Runs a change, says how it went, and reads the list again. */
  async function run(change: () => Promise<string | null>) {
    setBusy(true);
    try {
      const said = await change();
      if (said !== null) setNotice(said);
      setError(null);
    } catch (e) {
      setNotice('');
      setError(message(e));
    } finally {
      setBusy(false);
      state.reload();
    }
  }

  function watch(event: Event) {
    event.preventDefault();
    const url = addressToUrl(address);
    // Asked first, while the click still counts as the person's (Firefox asks only then).
    const access = url ? feeds.requestAccess([url]) : Promise.resolve(true);
    void run(async () => {
      if (!url) throw new Error('Give the address of a feed or a news site, such as https://example.com/rss.');
      if (!(await access))
        throw new Error(`${new URL(url).hostname} was not opened to News Tracker, so it cannot read its feeds.`);
      const result = await feeds.watch(address);
      setChoices(result.kind === 'choices' ? result.choices : null);
      if (result.kind !== 'choices') setAddress('');
      return watchedWords(result);
    });
  }

  function pick(picked: { url: string; title: string | null }[]) {
    const access = feeds.requestAccess(picked.map((f) => f.url));
    void run(async () => {
      if (!(await access))
        throw new Error('Those sites were not opened to News Tracker, so it cannot read their feeds.');
      const { added, already } = await feeds.add(picked.map((f) => ({ ...f, siteUrl: null })));
      setChoices(null);
      setAddress('');
      return `Watching ${plural(added, 'more feed')}${already ? ` (${plural(already, 'was', 'were')} watched already)` : ''}.`;
    });
  }

  async function importFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await run(async () => {
      checkSize(file.size);
      const { feeds: listed, skipped } = importOpml(await file.text());
      if (listed.length === 0) throw new Error(`${file.name} lists no feed with an http or https address.`);
      const { added, already } = await feeds.add(listed);
      return [`Imported ${file.name}: ${plural(added, 'feed')} added, ${already} watched already.`, ...skipped].join(
        ' ',
      );
    });
  }

  function exportFile() {
    const text = exportOpml(list, new Date(now()));
    save('news-tracker-feeds.opml', text, 'text/x-opml;charset=utf-8');
    setNotice(`Exported ${plural(list.length, 'feed')}.`);
  }

  return (
    <section class="feeds" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">News feeds</h2>
      <p class="muted">
        News Tracker can check the news feeds you choose and keep the stories that name your companies, including ones
        you never opened. It asks each feed's own server for the feed, without cookies, and nothing else.
      </p>
      <form class="feed-form" onSubmit={watch}>
        <label for="feed-address">Feed or site address</label>
        <div class="feed-form-row">
          <input
            id="feed-address"
            type="text"
            inputMode="url"
            placeholder="https://example.com/rss or example.com"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Watch
          </button>
        </div>
      </form>
      {choices && <FeedPicker choices={choices} onPick={pick} onCancel={() => setChoices(null)} />}
      <Feedback notice={busy ? 'Working…' : notice} error={error ?? state.error} />
      <FeedList feeds={list} now={now()} busy={busy} run={run} client={feeds} />
      <div class="button-row feed-actions">
        <button
          type="button"
          disabled={busy || list.length === 0}
          onClick={() =>
            run(async () => {
              const { checked, newStories } = await feeds.checkNow();
              return `Checked ${plural(checked, 'feed')}: ${plural(newStories, 'new story', 'new stories')}.`;
            })
          }
        >
          Check feeds now
        </button>
        <button type="button" disabled={list.length === 0} onClick={exportFile}>
          Export OPML
        </button>
      </div>
      <label class="file-pick">
        Import OPML
        <input type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" onChange={importFile} />
      </label>
      {state.value && entities.value && (
        <FeedOptionsFields
          options={state.value.options}
          entities={entities.value}
          onSave={(options: FeedOptions) =>
            run(async () => {
              await feeds.saveOptions(options);
              return 'Feed options saved.';
            })
          }
        />
      )}
    </section>
  );
}

interface FeedListProps {
  feeds: readonly WatchedFeed[];
  now: number;
  busy: boolean;
  run(change: () => Promise<string | null>): Promise<void>;
  client: FeedClient;
}

function FeedList({ feeds, now, busy, run, client }: FeedListProps) {
  if (feeds.length === 0) return <p class="empty">No feeds watched yet.</p>;
  return (
    <ul class="feed-list" aria-label="Watched feeds">
      {feeds.map((feed) => (
        <FeedRow
          key={feed.id}
          feed={feed}
          now={now}
          busy={busy}
          onPause={(paused) =>
            run(async () => {
              await client.setPaused(feed.id, paused);
              return paused ? `Paused ${feed.title ?? feed.url}.` : `Resumed ${feed.title ?? feed.url}.`;
            })
          }
          onRemove={() =>
            run(async () => {
              await client.remove(feed.id);
              return `Stopped watching ${feed.title ?? feed.url}. The stories it found are kept.`;
            })
          }
        />
      ))}
    </ul>
  );
}
