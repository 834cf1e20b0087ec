import type { NewEntityInput } from '@/utils/entities';

/** Well-known companies a new user can track with one click; the aliases are names their news often uses instead. */
export const EXAMPLE_COMPANIES: readonly (NewEntityInput & { aliases: string[] })[] = [
  { name: 'Apple', aliases: [] },
  { name: 'Microsoft', aliases: [] },
  { name: 'Nvidia', aliases: [] },
  { name: 'Tesla', aliases: [] },
  { name: 'Amazon', aliases: [] },
  { name: 'Alphabet', aliases: ['Google'] },
  { name: 'Meta', aliases: ['Facebook'] },
  { name: 'Samsung', aliases: [] },
];
