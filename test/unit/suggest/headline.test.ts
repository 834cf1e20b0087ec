import { describe, expect, it } from 'vitest';
import { namesFromHeadline, withHeadline } from '@/utils/suggest/headline';
import { KINDS } from '@/utils/suggest/model';
import { findNames, loadModel } from '@/utils/suggest/names';
import { suggestCompanies } from '@/utils/suggest/suggest';

// Written for these tests; the events are invented.
const BODY =
  'Capcom and Apple surprised players this year by announcing the game, the first for phones.\n' +
  'The game will cost $10 when it arrives on December 15.';
const TITLE = "Capcom's first phone game will launch in December";

const model = await loadModel();

/**
 * The finder's reading of a headline and body where the tagger named nothing (what these tests
 * are about), with its kind scores replaced by `best` winning (with `score`).
 */
function foundWith(title: string, body: string, best: (typeof KINDS)[number], score = 1) {
  const analysed = withHeadline(body, title);
  const found = findNames(analysed.text, model);
  const scores = KINDS.map((k) => (k === best ? score : -5));
  return { analysed, found: { ...found, names: [], kindScores: () => scores } };
}

describe('withHeadline', () => {
  it('reads a headline given apart as the first line, and a short first line as the headline of a wire text', () => {
    expect(withHeadline('Body text.', 'A  headline\n')).toEqual({
      text: 'A headline\nBody text.',
      bodyStart: 11,
      headlineEnd: 10,
    });
    expect(withHeadline('SHORT HEADLINE\nBody text.', null)).toEqual({
      text: 'SHORT HEADLINE\nBody text.',
      bodyStart: 0,
      headlineEnd: 14,
    });
    expect(withHeadline(`${'Long first line. '.repeat(12)}\nBody.`, null).headlineEnd).toBe(0);
  });
});

describe('namesFromHeadline', () => {
  it('offers a headline name the body repeats, as an organisation unless the tagger reads it as another kind', () => {
    const { analysed, found } = foundWith(TITLE, BODY, 'ORG');
    const named = namesFromHeadline(analysed, found);
    expect(named.map((h) => h.names.map((n) => analysed.text.slice(n.start, n.end)))).toEqual([['Capcom']]);
    expect(named[0]?.names[0]?.start).toBe(analysed.bodyStart);
    expect(named[0]?.likelyOrganisation).toBe(true);
    const asPerson = foundWith(TITLE, BODY, 'PER');
    expect(namesFromHeadline(asPerson.analysed, asPerson.found)[0]?.likelyOrganisation).toBe(false);
    // A tagger that reads no name of any kind there leaves it to be the organisation the headline names.
    const asNothing = foundWith(TITLE, BODY, 'PER', -1);
    expect(namesFromHeadline(asNothing.analysed, asNothing.found)[0]?.likelyOrganisation).toBe(true);
  });

  it('offers nothing the body does not repeat, nothing from a headline in Title Case or capitals, no common word', () => {
    const elsewhere = foundWith(TITLE, 'Players were surprised this year.\nThe game will cost $10.', 'ORG');
    expect(namesFromHeadline(elsewhere.analysed, elsewhere.found)).toEqual([]);
    const titleCase = foundWith("Capcom's First Phone Game Will Launch in December", BODY, 'ORG');
    expect(namesFromHeadline(titleCase.analysed, titleCase.found)).toEqual([]);
    const common = foundWith('First phone game will launch in December', `First, ${BODY}`, 'ORG');
    expect(namesFromHeadline(common.analysed, common.found).flatMap((h) => h.names.map((n) => n.text))).not.toContain(
      'First',
    );
  });
});

describe('suggestCompanies and the headline', () => {
  it('suggests a company the headline names even where the tagger gave it no kind in the text', () => {
    // The headline's company first; Apple, which the body names beside it, after it.
    expect(suggestCompanies({ title: TITLE, text: BODY }, model).suggestions.map((s) => s.name)).toEqual([
      'Capcom',
      'Apple',
    ]);
    expect(suggestCompanies({ text: BODY }, model).suggestions).toEqual([]);
  });

  it('reports organisations with offsets into the text, not into the headline read before it', () => {
    const text = 'Shares of Nokia Oyj rose on Tuesday.';
    const { organizations } = suggestCompanies({ title: 'Nokia Oyj shares rise', text }, model);
    expect(organizations.map((o) => text.slice(o.start, o.end))).toEqual(['Nokia Oyj']);
  });
});
