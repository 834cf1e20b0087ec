/**
 * Convention: every protocol message is fuzzed. MESSAGE_FUZZ's type already makes a missing
 * entry a compile error; this checks the same at run time (a cast cannot hide one), that no
 * entry is left over from a removed message, and that every starting payload is valid, so
 * near-valid inputs really are one step from valid.
 */
import { describe, expect, it } from 'vitest';
import { type MessageType, validators } from '@/utils/messaging';
import { MESSAGE_FUZZ, VALID_PAYLOADS } from './arbitraries';

/** Messages without a fuzz entry, and entries for messages that no longer exist. */
function fuzzGaps(messages: readonly string[], fuzzed: readonly string[]): string[] {
  return [
    ...messages.filter((m) => !fuzzed.includes(m)).map((m) => `${m} has no fuzz arbitrary`),
    ...fuzzed.filter((f) => !messages.includes(f)).map((f) => `${f} is fuzzed but not a protocol message`),
  ];
}

describe('every protocol message has a fuzz arbitrary', () => {
  const messages = Object.keys(validators);

  it('covers the whole protocol', () => {
    expect(fuzzGaps(messages, Object.keys(MESSAGE_FUZZ))).toEqual([]);
    expect(fuzzGaps(messages, Object.keys(VALID_PAYLOADS))).toEqual([]);
  });

  it.each(messages as MessageType[])('starts %s from a payload its validator accepts', (type) => {
    expect(() => validators[type](VALID_PAYLOADS[type])).not.toThrow();
  });

  it('catches a new message that skipped fuzzing, and a stale entry (negative control)', () => {
    const withoutOne = Object.keys(MESSAGE_FUZZ).filter((m) => m !== 'ui:deleteAllData');
    expect(fuzzGaps(messages, withoutOne)).toEqual(['ui:deleteAllData has no fuzz arbitrary']);
    expect(fuzzGaps([...messages, 'ui:newThing'], Object.keys(MESSAGE_FUZZ))).toEqual([
      'ui:newThing has no fuzz arbitrary',
    ]);
    expect(fuzzGaps(messages.slice(1), Object.keys(MESSAGE_FUZZ))).toEqual([
      `${messages[0]} is fuzzed but not a protocol message`,
    ]);
  });
});
