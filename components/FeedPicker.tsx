import { useState } from 'preact/hooks';

export interface FeedChoice {
  url: string;
  title: string | null;
}

export interface FeedPickerProps {
  choices: readonly FeedChoice[];
  onPick(feeds: FeedChoice[]): void;
  onCancel(): void;
}

/** The feeds a site offers, to tick the ones to watch (the first is ticked: it is usually the main one). */
export function FeedPicker({ choices, onPick, onCancel }: FeedPickerProps) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(choices.slice(0, 1).map((c) => c.url)));
  const toggle = (url: string) =>
    setPicked((old) => {
      const next = new Set(old);
      if (!next.delete(url)) next.add(url);
      return next;
    });
  return (
    <fieldset class="feed-picker">
      <legend>This site offers {choices.length} feeds</legend>
      {choices.map((choice) => (
        <label key={choice.url} class="inline">
          <input type="checkbox" checked={picked.has(choice.url)} onChange={() => toggle(choice.url)} />
          <span>
            {choice.title ?? choice.url}
            {choice.title && <span class="muted feed-url"> {choice.url}</span>}
          </span>
        </label>
      ))}
      <div class="button-row">
        <button
          type="button"
          class="primary"
          disabled={picked.size === 0}
          onClick={() => onPick(choices.filter((c) => picked.has(c.url)))}
        >
          Watch the feeds ticked
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
