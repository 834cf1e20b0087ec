/**
 * Tickers beside a company's name: "(NYSE: IBM)", "Nasdaq:AAPL", "$TSLA". A ticker is an alias
 * of the organisation named right before it, never a name of its own.
 */
import { EXCHANGES } from './lexicon';
import type { Token } from './tokens';

export interface Ticker {
  symbol: string;
  start: number;
  end: number;
  /** Index into `names` of the organisation the ticker belongs to, when one stands right before it. */
  owner: number | null;
}

const TICKER = /^\p{Lu}[\p{Lu}\d]{0,5}(?:\.\p{Lu}{1,2})?$/u;

export interface TickerAt {
  symbol: string;
  /** Token index of the symbol, and where the ticker's text starts (its bracket or exchange). */
  token: number;
  from: number;
  end: number;
}

/** "(NYSE: IBM)", "Nasdaq:AAPL", "$TSLA". */
export function findTickers(tokens: readonly Token[]): TickerAt[] {
  const tickers: TickerAt[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const symbol = tokens[i + 2];
    if (EXCHANGES.has(t.lower) && next?.text === ':' && symbol && TICKER.test(symbol.text)) {
      const from = tokens[i - 1]?.text === '(' ? (tokens[i - 1] as Token).start : t.start;
      tickers.push({ symbol: symbol.text, token: i + 2, from, end: symbol.end });
      i += 2;
    } else if (t.text === '$' && next && next.start === t.end && /^\p{Lu}{1,5}$/u.test(next.text)) {
      tickers.push({ symbol: next.text, token: i + 1, from: t.start, end: next.end });
      i += 1;
    }
  }
  return tickers;
}

/** The organisation named right before a ticker ("Apple Inc (NASDAQ: AAPL)"), if any. */
export function ownerOf(names: readonly { kind: string; end: number }[], ticker: TickerAt): number | null {
  let owner: number | null = null;
  names.forEach((n, i) => {
    if (n.kind === 'ORG' && n.end <= ticker.from && ticker.from - n.end <= 3) owner = i;
  });
  return owner;
}
