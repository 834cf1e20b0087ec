/**
 * The popup's half of the suggestions: the name finder and its model, run on what the tab read
 * (tab-reading.ts). The popup imports it as it opens (entrypoints/popup/main.tsx) and inflates
 * the model while the tab is still reading. It is a chunk of its own (utils/client.ts imports it
 * dynamically for any other page), which the options page and the dashboard never load.
 */
import { loadModel } from './names';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

export type Suggester = (input: SuggestInput) => CompanySuggestion[];

export async function loadSuggester(): Promise<Suggester> {
  const model = await loadModel();
  return (input) => suggestCompanies(input, model).suggestions;
}
