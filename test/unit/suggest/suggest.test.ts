import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { loadModel } from '@/utils/suggest/names';
import { suggestCompanies } from '@/utils/suggest/suggest';
import { untrackedSuggestions } from '@/utils/suggest/suggestion';

// Written for these tests; the events are invented.
const XIAOMI = {
  title: 'Xiaomi profit jumps as phone sales recover',
  publisher: 'The Daily Ledger',
  url: 'https://www.dailyledger.example/business/xiaomi-profit',
  text: [
    'Xiaomi Corp said on Thursday that quarterly profit rose 40 percent, helped by a rebound in smartphone sales in India and Europe.',
    'Shares of Xiaomi Inc. rose 5 percent in Hong Kong after the results. Chief executive Lei Jun told analysts that the company would keep spending on electric cars.',
    'Rival Samsung Electronics reported weaker margins last week, while Apple Inc (NASDAQ: AAPL) is due to report on Monday.',
    'The Daily Ledger could not reach Samsung for comment.',
  ].join('\n'),
};

const model = await loadModel();
const names = (input: Parameters<typeof suggestCompanies>[0]) =>
  suggestCompanies(input, model).suggestions.map((s) => s.name);

describe('suggestCompanies', () => {
  it('puts the company the article is about first, merged from its spellings, with them as aliases', () => {
    const [first] = suggestCompanies(XIAOMI, model).suggestions;
    expect(first?.name).toBe('Xiaomi');
    expect(first?.aliases).toEqual(expect.arrayContaining(['Xiaomi Corp', 'Xiaomi Inc.']));
    // Twice in the text and once in the headline.
    expect(first?.mentions).toBe(3);
  });

  it('suggests the other companies, with a ticker as an alias, and no people, places or days', () => {
    const result = suggestCompanies(XIAOMI, model).suggestions;
    expect(result.map((s) => s.name)).toEqual(expect.arrayContaining(['Samsung Electronics', 'Apple']));
    expect(result.find((s) => s.name === 'Apple')?.aliases).toContain('AAPL');
    for (const notACompany of ['Lei Jun', 'Hong Kong', 'India', 'Europe', 'Thursday', 'Monday', 'AAPL']) {
      expect(result.map((s) => s.name)).not.toContain(notACompany);
    }
  });

  it("leaves out the page's own publisher, and only because it is the publisher", () => {
    expect(names(XIAOMI)).not.toContain('Daily Ledger');
    expect(names({ ...XIAOMI, publisher: null, url: null })).toContain('Daily Ledger');
  });

  it('merges "Amazon", "Amazon.com Inc" and "Amazon\'s" into one suggestion', () => {
    const text =
      "Amazon.com Inc said on Tuesday it would hire 10,000 people. Amazon's cloud unit grew fast, and analysts said Amazon would gain share.";
    const amazon = suggestCompanies({ text }, model).suggestions.filter((s) => /amazon/iu.test(s.name));
    expect(amazon).toHaveLength(1);
    expect(amazon[0]).toMatchObject({ name: 'Amazon', mentions: 3, aliases: ['Amazon.com Inc'] });
  });

  it('ranks a company in the headline and lead above one mentioned once near the end', () => {
    const text = [
      'Nokia Oyj agreed on Tuesday to build private networks for factories, the company said in a statement.',
      'The deal is small. Nokia expects more orders next year from carmakers and ports.',
      'Separately, analysts at Deutsche Bank said the market for such networks was growing.',
    ].join('\n');
    expect(names({ text, title: 'Nokia wins factory network deal' })).toEqual(['Nokia', 'Deutsche Bank']);
  });

  it('reports every organisation mention with offsets into the text', () => {
    const { organizations } = suggestCompanies(XIAOMI, model);
    expect(organizations.length).toBeGreaterThanOrEqual(4);
    for (const o of organizations) expect(XIAOMI.text.slice(o.start, o.end)).toBe(o.text);
    expect(organizations.map((o) => o.text)).toEqual(expect.arrayContaining(['Xiaomi Corp', 'Xiaomi Inc.']));
    expect(organizations.map((o) => o.text)).not.toContain('Lei Jun');
  });

  it('reads a name written with decomposed accents as one name, merged with its plain spelling', () => {
    const text =
      'Socie\u0301te\u0301 Ge\u0301ne\u0301rale SA said on Monday it would cut jobs. Shares of Societe Generale fell.';
    const { organizations, suggestions } = suggestCompanies({ text }, model);
    expect(organizations.map((o) => o.text)).toContain('Socie\u0301te\u0301 Ge\u0301ne\u0301rale SA');
    for (const o of organizations) expect(text.slice(o.start, o.end)).toBe(o.text);
    expect(suggestions.filter((s) => /^soci/iu.test(s.name))).toHaveLength(1);
    expect(suggestions.map((s) => s.name)).not.toContain('SA');
  });

  it('reads "1:28 AM ET" as a time of day, not a company, and still finds AM Best', () => {
    const text =
      'Shares of Nokia Oyj rose. First published February 1, 2016: 1:28 AM ET\nThe meeting starts at 9 a.m. GMT at AM Best, the rating agency.';
    const { organizations, suggestions } = suggestCompanies({ text }, model);
    expect(organizations.map((o) => o.text)).toEqual(['Nokia Oyj', 'AM Best']);
    const names = suggestions.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Nokia', 'AM Best']));
    for (const clock of ['AM', 'ET', 'GMT', 'AM ET']) expect(names).not.toContain(clock);
  });

  it("leaves out a company's product, whether owned, joined to its name or called a thing, and keeps a name no company owns", () => {
    const story = (product: string, name: string) =>
      `${product} went on sale in Europe on Friday, months after its launch in the United States.\n` +
      `Analysts at Morgan Stanley said ${name} sales would reach a million this year. ` +
      'Sony said on Thursday that quarterly profit rose.';
    // Named alone, a name the tagger reads as an organisation is kept; owned, it is a product.
    expect(names({ text: story('Kinect', 'Kinect') })).toContain('Kinect');
    expect(names({ text: story("Sony's Kinect", 'Kinect') })).not.toContain('Kinect');
    expect(names({ text: story("Sony's PlayStation VR", 'PlayStation VR') })).not.toContain('PlayStation VR');
    const headset = names({
      text: 'The PlayStation VR headset went on sale in Europe on Friday.\nAnalysts at Morgan Stanley said the PlayStation VR headset would sell well. Sony said on Thursday that quarterly profit rose.',
    });
    expect(headset).toContain('Morgan Stanley');
    expect(headset).not.toContain('PlayStation VR');
  });

  it("keeps a company's unit whose name says it is a company", () => {
    const text =
      "Toyota's Daihatsu Motor Co said on Friday it would build a new plant.\nToyota Motor Corp said on Thursday profit rose. Shares of Toyota rose 2 percent, and shares of Daihatsu rose 5 percent.";
    expect(names({ text })).toEqual(['Toyota Motor', 'Daihatsu']);
  });

  it('suggests the company rather than its product named with it ("HackerRank", not "HackerRank Jobs")', () => {
    const text =
      'HackerRank said on Monday it would open HackerRank Jobs to every employer. HackerRank Jobs lists jobs at 1,000 companies, HackerRank said, and employers pay for each of the jobs they list.';
    expect(names({ text })).toEqual(['HackerRank']);
  });

  it('never suggests an abbreviation that names no organisation', () => {
    const text =
      'The company said its AI tools would help. Its CEO said the API would be free. Shares of Nokia Oyj rose.';
    expect(names({ text })).toEqual(['Nokia']);
  });

  it('never suggests a number written as a word that opens a headline, but keeps names with one in them', () => {
    const title = 'Two charged over Norland Oil leak';
    const text =
      'Two managers of Norland Oil Corp were charged on Tuesday over the leak.\nTwo others were questioned, Norland Oil said.';
    expect(names({ title, text })).toEqual(['Norland Oil']);
    const network = 'Seven Network said on Monday it had won the rights. Seven Network shares rose.';
    expect(names({ title: 'Seven Network wins rights', text: network })).toEqual(['Seven Network']);
  });

  it('never suggests a word for an institution on its own, but counts it as the full name it stands for', () => {
    const alone =
      'The Authority said on Tuesday it would fine Norland Oil Corp over the leak. Norland Oil said it would appeal.';
    expect(names({ text: alone })).toEqual(['Norland Oil']);
    // Negative control: the full name is suggested, with "the Authority" among its mentions.
    const named =
      'The Harbour Safety Authority said on Tuesday it would fine Norland Oil Corp over the leak. The Authority gave the company a week. Harbour Safety Authority officials declined to comment.';
    const suggestions = suggestCompanies({ text: named }, model).suggestions;
    const authority = suggestions.find((s) => s.name === 'Harbour Safety Authority');
    expect(authority?.mentions).toBe(3);
    expect(suggestions.map((s) => s.name)).not.toContain('Authority');
  });

  it('never takes a word that opens a sentence for the start of a name', () => {
    const title = 'More pumps stolen from Norland Oil depots';
    const text =
      'More than 40 pumps were stolen from depots of Norland Oil Corp, the company said on Tuesday.\nSince Norland Oil has no guards at night, police said, the thieves took their time.\n“We’re trying to make the depots safe,” a Norland Oil manager said. “We’re hiring guards.”';
    expect(names({ title, text })).toEqual(['Norland Oil']);
    // Negative control: a name the headline opens with and the text names again is still suggested.
    const named = 'Glimmerworks said on Tuesday that its pumps were stolen. Glimmerworks shares fell.';
    expect(names({ title: 'Glimmerworks pumps stolen', text: named })).toContain('Glimmerworks');
  });

  it('never suggests an office, but suggests the ministry', () => {
    const title = 'Polish Foreign Minister to visit Norland';
    const text =
      "Poland's Foreign Minister Dariusz Nowak will visit Norland on Monday, the Foreign Ministry said.\nThe Foreign Ministry said he would meet Norland Oil Corp managers.";
    const found = names({ title, text });
    expect(found).not.toContain('Foreign Minister');
    expect(found).toContain('Foreign Ministry');
    // An office or a title before a person's name, however the tagger cut them apart.
    const titled =
      'Former Arkansas Governor Asa Hutchinson said on Tuesday that Norland Oil Corp had paid. Sir Anand Satyanand, who led the inquiry, agreed.';
    expect(names({ text: titled })).toEqual(['Norland Oil']);
  });

  it('never suggests an event, but suggests a company whose one-word name is an event word', () => {
    const text =
      'Norland Oil Corp will sponsor the Harbour Film Festival, the company said on Tuesday.\nThe Harbour Film Festival opens in May, and the Norland Cup follows in June.';
    const found = names({ title: 'Norland Oil to sponsor Harbour Film Festival', text });
    expect(found).toContain('Norland Oil');
    expect(found).not.toContain('Harbour Film Festival');
    expect(found).not.toContain('Norland Cup');
    // Negative control: the rule reads the last of several words, so a one-word name stays.
    const summit = 'Summit Corp said on Tuesday that sales rose. Summit shares rose 4 percent.';
    expect(names({ text: summit })).toContain('Summit');
  });

  it('shows nothing rather than a name it doubts is an organisation', () => {
    const text = 'Nokia Oyj said on Tuesday that sales rose. The figures pleased Glimmer fans.';
    expect(names({ text })).toEqual(['Nokia']);
    const everything = suggestCompanies({ text }, model, { minStanding: 0 }).suggestions.map((s) => s.name);
    expect(everything).toEqual(['Nokia', 'Glimmer']);
  });

  it('finds nothing in a text without names, and survives empty input', () => {
    expect(suggestCompanies({ text: 'prices rose again this week, and nobody was surprised.' }, model)).toEqual({
      organizations: [],
      suggestions: [],
    });
    expect(suggestCompanies({ text: '' }, model).suggestions).toEqual([]);
  });
});

describe('untrackedSuggestions', () => {
  it('drops companies tracked under their name or any alias, and keeps at most five', () => {
    const suggestions = ['Xiaomi', 'Samsung Electronics', 'Apple', 'Nokia', 'Siemens', 'Ericsson', 'Sony'].map(
      (name) => ({ name, aliases: name === 'Apple' ? ['AAPL'] : [], mentions: 1, score: 0.5 }),
    );
    const tracked = [createEntity({ name: 'Xiaomi Corp' }, 0), createEntity({ name: 'Apple', aliases: ['AAPL'] }, 1)];
    expect(untrackedSuggestions(suggestions, tracked).map((s) => s.name)).toEqual([
      'Samsung Electronics',
      'Nokia',
      'Siemens',
      'Ericsson',
      'Sony',
    ]);
    expect(untrackedSuggestions(suggestions, []).map((s) => s.name)).toHaveLength(5);
  });
});
