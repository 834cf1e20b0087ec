/** The context menu on selected text: "Track “…”" adds the selection as a tracked company. */
import type { NewEntityInput } from '../entities';
import { cleanName, MAX_NAME_LENGTH } from '../entities';

export const TRACK_MENU_ID = 'track-selection';

/** `%s` is replaced by the browser with the selected text. */
export const TRACK_MENU = { id: TRACK_MENU_ID, title: 'Track “%s”', contexts: ['selection'] as ['selection'] };

/** The company to add for a selection, or null when the selection cannot be a name. */
export function entityFromSelection(selection: string | undefined): NewEntityInput | null {
  const name = cleanName(selection ?? '');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  return { name };
}
