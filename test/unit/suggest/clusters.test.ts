import { describe, expect, it } from 'vitest';
import { clusterOf, clusterPrefix, parseClusters } from '@/utils/suggest/clusters';
import { loadModel } from '@/utils/suggest/names';
import { type Token, tokenize } from '@/utils/suggest/tokens';

describe('word groups', () => {
  const table = parseClusters('0110 texaco caltex\n0111 shell\n1 said');

  it('reads each group as its path of halvings, so the first halvings of two groups can be the same', () => {
    const [texaco, caltex, shell, said] = ['texaco', 'caltex', 'shell', 'said'].map((w) => table.get(w) as number);
    expect(texaco).toBe(caltex);
    expect(shell).not.toBe(texaco);
    expect(clusterPrefix(shell as number, 3)).toBe(clusterPrefix(texaco as number, 3));
    expect(clusterPrefix(shell as number, 4)).not.toBe(clusterPrefix(texaco as number, 4));
    expect(clusterPrefix(said as number, 4)).toBe(said);
  });

  it('looks a word up in lower case however it is written, and gives unknown words no group', () => {
    const tokens = tokenize('CALTEX SAID PROFIT ROSE\nAnd Caltex said so.');
    const group = (i: number) => clusterOf(table, tokens[i] as Token);
    expect([group(0), group(5)]).toEqual([table.get('caltex'), table.get('caltex')]);
    expect([group(1), group(6)]).toEqual([table.get('said'), table.get('said')]);
    expect(group(0)).toBeGreaterThan(0);
    expect(group(2)).toBe(0);
  });

  it('refuses a table whose group is not a path of halvings', () => {
    expect(() => parseClusters('01x2 Texaco')).toThrow(/0s and 1s, not "01x2"/);
  });

  it('ships with the tagger: the shipped model reads its features with the groups', async () => {
    const model = await loadModel();
    expect(model.clusters?.size).toBeGreaterThan(1_000);
    expect(model.clusters?.get('said')).toBeGreaterThan(1);
  });
});
