/**
 * Words as the business text model sees them, shared by the extension (scoring) and the
 * training script (so a rebuilt model reads text exactly as the shipped one did): lower case,
 * possessives and plural "s" dropped, stop words left out, money and percentages as tokens of
 * their own, each word weighted 1 + log(count) and the vector scaled to unit length so a
 * headline and a long story score on the same scale.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers him ' +
    'his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours said ' +
    'says say mr mrs ms one two three new year years told'
  ).split(' '),
);

/** How much of a long story the model reads: the lead carries the topic. */
export const MAX_MODEL_CHARS = 6000;

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** The model's tokens for a text, in order (repeats kept). */
export function modelTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.slice(0, MAX_MODEL_CHARS).toLowerCase();
  for (const match of lower.matchAll(/[$£€¥]\s?\d|\d%|\d\s?(?:percent|per cent)|\p{L}[\p{L}'’]*/gu)) {
    const raw = match[0];
    if (/^[$£€¥]/u.test(raw)) tokens.push('<money>');
    else if (/^\d/u.test(raw)) tokens.push('<percent>');
    else {
      const word = raw.replace(/['’]s?$/u, '').replace(/['’]/gu, '');
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      tokens.push(stem(word));
    }
  }
  return tokens;
}

/** Unit-length 1 + log(count) weights per token. */
export function featureVector(title: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of modelTokens(`${title}\n${text}`)) counts.set(token, (counts.get(token) ?? 0) + 1);
  let norm = 0;
  for (const [token, count] of counts) {
    const weight = 1 + Math.log(count);
    counts.set(token, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [token, weight] of counts) counts.set(token, weight / norm);
  return counts;
}
