/**
 * The popup's half of the suggestions: the name finder and its model, run on what the tab read
 * (tab-reading.ts). The popup imports this module dynamically when it asks, so it is a chunk
 * of its own that the options page and the dashboard never load, and the popup loads it (and
 * inflates the model) while the tab is still reading.
 */
import { loadModel } from './names';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

export type Suggester = (input: SuggestInput) => CompanySuggestion[];

export async function loadSuggester(): Promise<Suggester> {
  const model = await loadModel();
  return (input) => suggestCompanies(input, model).suggestions;
}
