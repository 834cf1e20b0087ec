import { describe, expect, it } from 'vitest';
import { snippetAround } from '@/utils/content/snippet';

/** The snippet around the first occurrence of `name` in `text`. */
const around = (text: string, name: string) => {
  const start = text.indexOf(name);
  return snippetAround(text, start, start + name.length);
};

const LONG =
  'The race was decided in the last minutes of the final leg, when the wind turned. ' +
  'Off Seattle, skipper Ana Ruiz steered the Orbital Foods boat past two rivals to take the cup by a length, ' +
  'and the crew celebrated on the quay long into the night with families and sponsors.';

describe('snippetAround', () => {
  it('keeps to the paragraph that names the company: a heading above it is never run into it', () => {
    const text = 'Hardware\n\nDespite weak demand, Lumen Energy raised its forecast.\n\nOutlook\n\nAnalysts agreed.';
    expect(around(text, 'Lumen Energy')).toBe('Despite weak demand, Lumen Energy raised its forecast.');
    expect(around('Lumen Energy results\n\nSales rose.', 'Lumen Energy')).toBe('Lumen Energy results');
  });

  it('starts with the mention’s sentence when it begins close enough, and ends on a whole word', () => {
    const snippet = around(LONG, 'Orbital Foods');
    expect(snippet.startsWith('Off Seattle, skipper Ana Ruiz')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const last = snippet.slice(0, -1).split(' ').at(-1) as string;
    expect(LONG.split(/\s+/u)).toContain(last);
  });

  it('starts on a whole word, marked with "…", when the sentence begins too far back', () => {
    const text = `${'word '.repeat(10)}averyveryverylongwordthatcouldbecut and then Orbital Foods said it was pleased.`;
    const snippet = around(text, 'Orbital Foods');
    expect(snippet).toMatch(/^…\S/u);
    const first = snippet.slice(1).split(' ')[0] as string;
    expect(text.split(' ')).toContain(first);
    expect(snippet.endsWith('pleased.')).toBe(true);
  });

  it('cuts text without spaces (Chinese, Japanese) where it must, and keeps short paragraphs whole', () => {
    const text = `${'市场'.repeat(60)}小米${'销量'.repeat(80)}`;
    const snippet = around(text, '小米');
    expect(snippet).toContain('小米');
    expect(snippet.length).toBeLessThan(200);
    expect(around('Orbital Foods rose.', 'Orbital Foods')).toBe('Orbital Foods rose.');
  });

  it('negative control: the old cut, a fixed radius across paragraphs, joins the heading and splits words', () => {
    const text = 'Hardware\n\nDespite weak demand, Lumen Energy raised its forecast.';
    const start = text.indexOf('Lumen');
    const old = text.slice(Math.max(0, start - 80), start + 92).replace(/\s+/gu, ' ');
    expect(old.startsWith('Hardware Despite')).toBe(true);
    expect(around(text, 'Lumen Energy')).not.toContain('Hardware');
  });
});
