import { useState } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import { type FeedNotify, type FeedOptions, INTERVAL_CHOICES } from '@/utils/feeds/watched';

export interface FeedOptionsFieldsProps {
  options: FeedOptions;
  entities: readonly TrackedEntity[];
  onSave(options: FeedOptions): void;
}

function intervalWords(minutes: number): string {
  return minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

const NOTIFY_CHOICES: [FeedNotify, string][] = [
  ['off', 'Never'],
  ['all', 'About any tracked company'],
  ['chosen', 'About the companies I choose'],
];

/** How often feeds are checked, and which new feed stories get a desktop notice (none unless chosen). */
export function FeedOptionsFields({ options: stored, entities, onSave }: FeedOptionsFieldsProps) {
  // Shown as chosen at once: a second change made before the first is saved builds on it.
  const [options, setOptions] = useState(stored);
  const save = (next: FeedOptions) => {
    setOptions(next);
    onSave(next);
  };
  const toggleEntity = (id: string) =>
    save({
      ...options,
      notifyEntityIds: options.notifyEntityIds.includes(id)
        ? options.notifyEntityIds.filter((e) => e !== id)
        : [...options.notifyEntityIds, id],
    });
  return (
    <div class="feed-options">
      <h3>Schedule and notices</h3>
      <label class="inline">
        Check each feed every
        <select
          value={String(options.intervalMinutes)}
          onChange={(e) => save({ ...options, intervalMinutes: Number(e.currentTarget.value) })}
        >
          {INTERVAL_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {intervalWords(m)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Notify me of new stories from feeds</legend>
        {NOTIFY_CHOICES.map(([value, words]) => (
          <label key={value} class="inline">
            <input
              type="radio"
              name="feed-notify"
              checked={options.notify === value}
              onChange={() => save({ ...options, notify: value })}
            />
            {words}
          </label>
        ))}
        {options.notify === 'chosen' && (
          <fieldset class="chips notify-companies">
            <legend class="visually-hidden">Companies to notify about</legend>
            {entities.map((e) => (
              <label key={e.id} class="chip">
                <input
                  type="checkbox"
                  checked={options.notifyEntityIds.includes(e.id)}
                  onChange={() => toggleEntity(e.id)}
                />
                <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
                {e.name}
              </label>
            ))}
          </fieldset>
        )}
      </fieldset>
    </div>
  );
}
