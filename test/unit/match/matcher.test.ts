import { describe, expect, it } from 'vitest';
import { type Alias, createEntity, type TrackedEntity } from '@/utils/entities';
import { compileMatcherSliced } from '@/utils/match/matcher';
import { compileMatcher } from '../../support/compile-matcher';

const xiaomi = createEntity({ name: 'Xiaomi', aliases: ['Xiaomi Corp'] }, 0);
const apple = createEntity({ name: 'Apple', matchCase: true }, 1);

function entity(name: string, options: Partial<Alias> & { aliases?: string[]; exclusions?: string[] } = {}) {
  const e = createEntity({ name, aliases: options.aliases, exclusions: options.exclusions }, 0);
  e.aliases = e.aliases.map((a) => ({
    ...a,
    matchCase: options.matchCase ?? false,
    wholeWord: options.wholeWord ?? true,
  }));
  return e;
}

function found(entities: TrackedEntity[], text: string): string[] {
  return compileMatcher(entities)
    .findMentions(text)
    .map((m) => text.slice(m.start, m.end));
}

describe('compileMatcher', () => {
  it('finds whole words, longest alias first', () => {
    expect(found([xiaomi, apple], 'Xiaomi Corp and Xiaomi, not XiaomiX.')).toEqual(['Xiaomi Corp', 'Xiaomi']);
  });

  it('respects match case per alias', () => {
    expect(found([xiaomi, apple], 'Apple sells apples and apple pie')).toEqual(['Apple']);
    expect(found([entity('GAP', { matchCase: true })], 'Mind the gap at GAP stores')).toEqual(['GAP']);
  });

  it('matches next to punctuation, possessives, plurals and domains', () => {
    expect(found([xiaomi, apple], '(Xiaomi’s) "Apple"')).toEqual(['Xiaomi', 'Apple']);
    expect(found([xiaomi], "Xiaomi's, two Xiaomis, xiaomi.com")).toEqual(['Xiaomi', 'Xiaomi', 'xiaomi']);
    expect(found([entity('Amazon')], 'Shop at Amazon.com today')).toEqual(['Amazon']);
  });

  it('never matches inside a longer word of any script', () => {
    expect(found([entity('Meta')], 'metadata, Metaé, Meta2, 2Meta, Metaπ')).toEqual([]);
    expect(found([entity('Tesla')], 'Teslaнефть')).toEqual([]);
  });

  it('folds accents only when the alias has none', () => {
    expect(found([entity('Nestle')], 'Nestlé and NESTLÉ and Nestle\u0301')).toEqual([
      'Nestlé',
      'NESTLÉ',
      'Nestle\u0301',
    ]);
    expect(found([entity('Nestlé')], 'Nestle, Nestlé, NESTLÉ')).toEqual(['Nestlé', 'NESTLÉ']);
  });

  it('treats curly and straight quotes, dashes and non-breaking spaces alike', () => {
    expect(found([entity("McDonald's")], 'McDonald’s opened')).toEqual(['McDonald’s']);
    expect(found([entity('Coca-Cola')], 'Coca‑Cola and Coca–Cola')).toEqual(['Coca‑Cola', 'Coca–Cola']);
    expect(found([entity('Bank of China')], 'the Bank\u00a0of\n   China said')).toEqual(['Bank\u00a0of\n   China']);
  });

  it('matches names in scripts written without spaces as substrings', () => {
    expect(found([entity('小米')], '小米公司发布了新手机，中小米商')).toEqual(['小米', '小米']);
    expect(found([entity('Apple')], 'Appleの新製品')).toEqual(['Apple']);
  });

  it('lets the longest alias win where two overlap', () => {
    const china = entity('China');
    const boc = entity('Bank of China');
    const texts = found([china, boc], 'Bank of China lends in China');
    expect(texts).toEqual(['Bank of China', 'China']);
    const ids = compileMatcher([china, boc])
      .findMentions('Bank of China')
      .map((m) => m.entityId);
    expect(ids).toEqual([boc.id]);
  });

  it('suppresses mentions inside exclusion phrases of the same entity', () => {
    const fruit = entity('apple', { exclusions: ['apple pie'] });
    expect(found([fruit], 'apple pie, Apple Pies, apple shares')).toEqual(['apple']);
  });

  it('can match inside words when whole word is off', () => {
    expect(found([entity('soft', { wholeWord: false })], 'Microsoft software')).toEqual(['soft', 'soft']);
  });

  it('ignores disabled entities and reports emptiness', () => {
    expect(compileMatcher([{ ...xiaomi, enabled: false }]).findMentions('Xiaomi')).toEqual([]);
    expect(compileMatcher([{ ...xiaomi, enabled: false }]).isEmpty).toBe(true);
    expect(compileMatcher([xiaomi]).isEmpty).toBe(false);
  });

  it('maps offsets back past characters outside the basic plane and invisible ones', () => {
    const text = '😀 Xia\u00adomi 😀';
    const [m] = compileMatcher([xiaomi]).findMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('Xia\u00adomi');
  });

  it('reads text in every script around Latin names, and finds names in other scripts amid Latin text', () => {
    // Characters above every name's highest code unit, folded to one unit or several, on both sides.
    expect(found([entity('Xiaomi')], 'Ünïcödé — 小米 Xiaomi ﬁrm 한국어 Ǆ xiaomi!')).toEqual(['Xiaomi', 'xiaomi']);
    expect(found([entity('小米'), entity('Ωmega')], 'Xiaomi (小米) and ωMEGA, Ωmega')).toEqual([
      '小米',
      'ωMEGA',
      'Ωmega',
    ]);
  });

  it('scales to thousands of aliases with the same answers', () => {
    const many = Array.from({ length: 3000 }, (_, i) => entity(`Company${i}`));
    const text = 'Company12 and Company2999 and Company30000';
    expect(found([...many, xiaomi], text)).toEqual(['Company12', 'Company2999']);
  });

  it('compiles thousands of names in slices, giving the page turns, into the same matcher', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => entity(`Company${i}`));
    let pauses = 0;
    const sliced = await compileMatcherSliced(many, { due: () => true, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(10);
    const text = 'Company12 and Company2999 and Company30000, company7.';
    expect(sliced.findMentions(text)).toEqual(compileMatcher(many).findMentions(text));
    expect(sliced.findMentions(text)).toHaveLength(3);
  });
});
