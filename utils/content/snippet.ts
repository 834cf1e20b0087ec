/**
 * The piece of text a story row shows beside its headline: the words around one mention,
 * taken from the one paragraph (or heading) that holds it, so a heading is never run into the
 * paragraph below it, and starting and ending on whole words. It starts with the mention's
 * sentence when that begins close enough, so a row's one line of text shows the company;
 * "…" marks where a sentence was cut.
 */

/**
 * How far back the snippet may start before the mention (close enough that a row's one line of
 * text, about 60 characters, shows the mention), and how far it runs after it.
 */
const BEFORE = 45;
const AFTER = 120;

const SENTENCE_END = /[.!?]['"’”)\]]*\s+(?=\S)/gu;

const isSpace = (text: string, i: number) => /\s/u.test(text.charAt(i));

/** The first word start at or after `from`, at most `limit` (the mention's start, which is one). */
function nextWordStart(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    if (!isSpace(text, i) && isSpace(text, i - 1)) return i;
  }
  return limit;
}

/** Where the last whole word before `to` ends, at least `floor`; `to` itself when no space is found. */
function lastWordEnd(text: string, to: number, floor: number): number {
  for (let i = to; i > floor; i--) {
    if (isSpace(text, i) && !isSpace(text, i - 1)) return i;
  }
  return to;
}

/** The snippet for the mention at [start, end) of `text`, whose paragraphs are separated by line breaks. */
export function snippetAround(text: string, start: number, end: number): string {
  const blockStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const blockEnd = newline === -1 ? text.length : newline;

  let from = Math.max(blockStart, start - BEFORE);
  let midSentence = false;
  if (from > blockStart) {
    const last = [...text.slice(from, start).matchAll(SENTENCE_END)].at(-1);
    midSentence = last?.index === undefined;
    from = last?.index !== undefined ? from + last.index + last[0].length : nextWordStart(text, from, start);
  }
  let to = Math.min(blockEnd, end + AFTER);
  if (to < blockEnd) to = lastWordEnd(text, to, end);

  const body = text.slice(from, to).replace(/\s+/gu, ' ').trim();
  return `${midSentence ? '…' : ''}${body}${to < blockEnd ? '…' : ''}`;
}
