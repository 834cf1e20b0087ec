import { describe, expect, it } from 'vitest';
import { clusterOf, clusterPrefix, parseClusters } from '@/utils/suggest/clusters';
import { loadModel } from '@/utils/suggest/names';
import { type Token, tokenize } from '@/utils/suggest/tokens';

describe('word groups', () => {
  const table = parseClusters('0110 Texaco Caltex\n0111 Shell\n1 said');

  it('reads each group as its path of halvings, so the first halvings of two groups can be the same', () => {
    const [texaco, caltex, shell, said] = ['Texaco', 'Caltex', 'Shell', 'said'].map((w) => table.get(w) as number);
    expect(texaco).toBe(caltex);
    expect(shell).not.toBe(texaco);
    expect(clusterPrefix(shell as number, 3)).toBe(clusterPrefix(texaco as number, 3));
    expect(clusterPrefix(shell as number, 4)).not.toBe(clusterPrefix(texaco as number, 4));
    expect(clusterPrefix(said as number, 4)).toBe(said);
  });

  it('looks a word of a line in capitals up as a sentence would write it, and gives unknown words no group', () => {
    const [caltex, said, profit] = tokenize('CALTEX SAID PROFIT ROSE\nAnd Caltex said so.');
    expect(caltex?.capsLine).toBe(true);
    expect(clusterOf(table, caltex as Token)).toBe(table.get('Caltex'));
    // "SAID" is "Said" in a sentence, not "said": the table has only the latter.
    expect(clusterOf(table, said as Token)).toBe(0);
    expect(clusterOf(table, profit as Token)).toBe(0);
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
