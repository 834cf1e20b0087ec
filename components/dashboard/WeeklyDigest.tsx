import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { AlsoAt } from '@/components/AlsoAt';
import { Feedback } from '@/components/Feedback';
import { dayLabel, isoDay, periodRange, type TimeZone } from '@/utils/dashboard/days';
import {
  buildDigest,
  DIGEST_DAYS,
  type Digest,
  digestTitle,
  digestToHtml,
  digestToMarkdown,
  digestToText,
  OLDER_HEADING,
  olderRest,
} from '@/utils/dashboard/digest';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import type { TrackedEntity } from '@/utils/entities';
import { storiesText } from './words';

export interface WeeklyDigestProps {
  store: StoryReader;
  entities: readonly TrackedEntity[];
  /** The facts of the stories first read from local day `first` to `last`. */
  factsBetween: (first: number, last: number) => Promise<StoryFact[]>;
  now: number;
  zone: TimeZone;
  save(fileName: string, text: string, type: string): void;
  copy(text: string): Promise<void>;
  print(): void;
}

/**
 * The stories published in the past seven days per company, and the older ones read in them,
 * ready to print, paste into an email, or save as a page.
 */
export function WeeklyDigest({ store, entities, factsBetween, now, zone, save, copy, print }: WeeklyDigestProps) {
  const [digest, setDigest] = useState<Digest | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  const range = useMemo(() => periodRange(DIGEST_DAYS, now, zone), [now, zone]);

  // The week's stories, read after the charts are on screen (the dashboard starts the digest then).
  useEffect(() => {
    let live = true;
    factsBetween(range.first, range.last)
      .then((facts) => store.storiesByUrl(facts.map((f) => f.url)))
      .then(
        (stories) => live && setDigest(buildDigest(stories, entities, range, zone)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [store, entities, factsBetween, range, zone]);

  async function copyAs(kind: 'Markdown' | 'plain text', text: string) {
    try {
      await copy(text);
      setNotice(`Copied the digest as ${kind}.`);
      setError(null);
    } catch (e) {
      setError(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section id="digest" class="dash-section digest" aria-labelledby="digest-heading">
      <div class="section-head">
        <h2 id="digest-heading">Weekly digest</h2>
        {digest && (
          <div class="button-row no-print">
            <button type="button" onClick={print}>
              Print
            </button>
            <button type="button" onClick={() => copyAs('Markdown', digestToMarkdown(digest))}>
              Copy as Markdown
            </button>
            <button type="button" onClick={() => copyAs('plain text', digestToText(digest))}>
              Copy as plain text
            </button>
            <button
              type="button"
              onClick={() => {
                save(`news-digest-${isoDay(digest.range.last)}.html`, digestToHtml(digest), 'text/html;charset=utf-8');
                setNotice('Saved the digest as an HTML page.');
              }}
            >
              Download HTML
            </button>
          </div>
        )}
      </div>
      <Feedback notice={notice} error={error} noPrint />
      {digest && <DigestView digest={digest} />}
    </section>
  );
}

function DigestView({ digest }: { digest: Digest }) {
  return (
    <article class="card digest-page" aria-label={digestTitle(digest)}>
      <h3 class="digest-title">{digestTitle(digest)}</h3>
      <p class="muted">
        {storiesText(digest.storyCount)} about tracked companies published this week; copies of a story are shown once.
      </p>
      {digest.sections.length === 0 && <p class="empty">No stories about tracked companies this week.</p>}
      {digest.sections.map((section) => (
        <section key={section.entityId} aria-label={section.name}>
          <h4>
            {section.name} <span class="muted">({storiesText(section.stories.length)})</span>
          </h4>
          <ul class="digest-stories">
            {section.stories.map((s) => (
              <li key={s.url}>
                <StoryHead story={s} date={dayLabel(s.day)}>
                  {s.business && <span class="tag tag-business">Business</span>}
                </StoryHead>
                {s.alsoMentions.length > 0 && <p class="also-at">Also mentions {s.alsoMentions.join(', ')}</p>}
                <AlsoAt copies={s.alsoAt} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {digest.older.length > 0 && (
        <section aria-label={OLDER_HEADING}>
          <h4>
            {OLDER_HEADING} <span class="muted">({digest.olderCount.toLocaleString()})</span>
          </h4>
          <ul class="digest-stories">
            {digest.older.map((s) => (
              <li key={s.url}>
                <StoryHead story={s} date={`published ${dayLabel(s.day)}`} />
              </li>
            ))}
            {olderRest(digest) && <li class="muted">{olderRest(digest)}</li>}
          </ul>
        </section>
      )}
    </article>
  );
}

/** A digest entry's link and its publisher · date line (with any tags after). */
function StoryHead(props: {
  story: { url: string; title: string; publisher?: string | null };
  date: string;
  children?: ComponentChildren;
}) {
  const { story, date, children } = props;
  return (
    <>
      <a href={story.url} target="_blank" rel="noreferrer">
        {story.title}
      </a>
      <div class="meta">
        {story.publisher && <span>{story.publisher}</span>}
        <span>{date}</span>
        {children}
      </div>
    </>
  );
}
