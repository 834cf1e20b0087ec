import { describe, expect, it } from 'vitest';
import type { TaggedSpan } from '@/utils/suggest/model';
import { trimCommonLeads } from '@/utils/suggest/span-rules';
import { tokenize } from '@/utils/suggest/tokens';

// Written for these tests.
const organisation = (start: number, end: number): TaggedSpan => ({
  start,
  end,
  kind: 'ORG',
  score: 10,
  orgScore: 10,
  otherScore: 0,
});

function trimmed(text: string, start: number, end: number): string {
  const tokens = tokenize(text);
  const [span] = trimCommonLeads(tokens, [organisation(start, end)]);
  return span
    ? tokens
        .slice(span.start, span.end)
        .map((t) => t.text)
        .join(' ')
    : '';
}

describe('trimCommonLeads', () => {
  it('leaves a day or a month after a name out of it, and what joined them', () => {
    expect(trimmed('Korvel Tuesday said it would hire.', 0, 2)).toBe('Korvel');
    expect(trimmed('The Halvern Institute April poll showed a lead.', 1, 4)).toBe('Halvern Institute');
    expect(trimmed('Bank of March said so.', 0, 3)).toBe('Bank');
  });

  it('keeps a name that is nothing but a month, and a common lead before "of" still goes', () => {
    expect(trimmed('March said so.', 0, 1)).toBe('March');
    expect(trimmed('Shares of Korvel Corp rose.', 0, 4)).toBe('Korvel Corp');
    expect(trimmed('Korvel Corp said so.', 0, 2)).toBe('Korvel Corp');
  });

  it('leaves what is traded in a company out of its name, and keeps names that only contain such a word', () => {
    expect(trimmed('Korvel GDRs fell 5 percent.', 0, 2)).toBe('Korvel');
    expect(trimmed('Halvern Foods ADRs rose.', 0, 3)).toBe('Halvern Foods');
    expect(trimmed('Korvel Shares Slide After Recall', 0, 2)).toBe('Korvel');
    // Negative controls: "Stock" inside a name, and a name with nothing after it.
    expect(trimmed('The Budapest Stock Exchange said so.', 1, 4)).toBe('Budapest Stock Exchange');
    expect(trimmed('Shares fell.', 0, 1)).toBe('Shares');
  });
});
