import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import {
  EMPTY_FORM,
  entityInputFromForm,
  entityPatchFromForm,
  formFromEntity,
  formLimits,
  MAX_LIST_ITEMS,
  overLimits,
  pastedNames,
  watchlists,
} from '@/utils/entity-form';

describe('the company form', () => {
  it('turns what was typed into a new company', () => {
    expect(
      entityInputFromForm({ ...EMPTY_FORM, name: 'Apple', aliases: 'Apple Inc.\nAAPL, iPhone maker', watchlist: '  ' }),
    ).toEqual({
      name: 'Apple',
      aliases: ['Apple Inc.', 'AAPL', 'iPhone maker'],
      exclusions: [],
      matchCase: false,
      wholeWord: true,
      watchlist: null,
    });
  });

  it('makes a company that matches inside words when "Whole words only" is cleared', () => {
    const entity = createEntity(entityInputFromForm({ ...EMPTY_FORM, name: 'Nvidia', wholeWord: false }), 0);
    expect(entity.aliases).toEqual([{ text: 'Nvidia', matchCase: false, wholeWord: false }]);
  });

  it('keeps options set per alias (by an import) when the form leaves them alone, and applies a changed box to all', () => {
    const entity = createEntity({ name: 'GAP', aliases: ['Gap Inc.'], matchCase: true }, 0);
    entity.aliases[1] = { text: 'Gap Inc.', matchCase: false, wholeWord: false };
    const untouched = entityPatchFromForm(entity, { ...formFromEntity(entity), aliases: 'Gap Inc.\nGap Stores' });
    expect(untouched.aliases).toEqual([
      { text: 'GAP', matchCase: true, wholeWord: true },
      { text: 'Gap Inc.', matchCase: false, wholeWord: false },
      { text: 'Gap Stores', matchCase: true, wholeWord: true },
    ]);
    const changed = entityPatchFromForm(entity, { ...formFromEntity(entity), matchCase: false, wholeWord: false });
    expect(changed.aliases).toEqual([
      { text: 'GAP', matchCase: false, wholeWord: false },
      { text: 'Gap Inc.', matchCase: false, wholeWord: false },
    ]);
  });

  it('shows a tracked company in the form and saves it back unchanged', () => {
    const entity = createEntity(
      { name: 'GAP', aliases: ['Gap Inc.'], exclusions: ['mind the gap'], matchCase: true, watchlist: 'Clients' },
      0,
    );
    const { id, createdAt, ...rest } = entity;
    expect(entityPatchFromForm(entity, formFromEntity(entity))).toEqual(rest);
  });

  it('keeps the whole-word setting of aliases that stay, and drops repeated spellings', () => {
    const entity = createEntity({ name: 'Arm', aliases: ['ARM Ltd'] }, 0);
    entity.aliases[1]!.wholeWord = false;
    const patch = entityPatchFromForm(entity, { ...formFromEntity(entity), aliases: 'arm ltd\nArm Holdings\nARM' });
    expect(patch.aliases).toEqual([
      { text: 'Arm', matchCase: false, wholeWord: true },
      { text: 'arm ltd', matchCase: false, wholeWord: false },
      { text: 'Arm Holdings', matchCase: false, wholeWord: true },
    ]);
  });

  it('refuses an empty name', () => {
    const entity = createEntity({ name: 'Arm' }, 0);
    expect(() => entityPatchFromForm(entity, { ...formFromEntity(entity), name: ' ' })).toThrow('needs a name');
  });
});

describe('pastedNames', () => {
  it('takes one name per line, keeping commas inside names, once each', () => {
    expect(pastedNames('Apple\n\n  Procter & Gamble, Co. \nApple\r\nArm')).toEqual([
      'Apple',
      'Procter & Gamble, Co.',
      'Arm',
    ]);
  });
});

describe('watchlists', () => {
  it('lists the watchlists in use, sorted', () => {
    const list = [
      createEntity({ name: 'A', watchlist: 'Smartphones' }, 0),
      createEntity({ name: 'B', watchlist: 'Clients' }, 1),
      createEntity({ name: 'C' }, 2),
      createEntity({ name: 'D', watchlist: 'Clients' }, 3),
    ];
    expect(watchlists(list)).toEqual(['Clients', 'Smartphones']);
  });
});

describe('the company form’s limits', () => {
  it('says nothing far from a limit, how far it is when near, and why once past it', () => {
    expect(formLimits({ ...EMPTY_FORM, name: 'Apple' }).name).toEqual({ over: false, message: null });
    expect(formLimits({ ...EMPTY_FORM, name: 'x'.repeat(190) }).name).toEqual({
      over: false,
      message: '190 of 200 characters.',
    });
    expect(formLimits({ ...EMPTY_FORM, watchlist: 'w'.repeat(101) }).watchlist).toEqual({
      over: true,
      message: 'A watchlist name can be at most 100 characters; this has 101.',
    });
    expect(overLimits({ ...EMPTY_FORM, name: 'Apple' })).toBe(false);
  });

  it('checks every alias and phrase to ignore, and how many there are', () => {
    const long = `Apple ${'Computer '.repeat(30)}`;
    expect(formLimits({ ...EMPTY_FORM, aliases: `AAPL\n${long}` }).aliases.message).toMatch(
      /^Each of the aliases can be at most 200 characters; this has 275\. \(“Apple Computer/u,
    );
    const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `pie ${i}`).join('\n');
    expect(formLimits({ ...EMPTY_FORM, exclusions: many }).exclusions).toEqual({
      over: true,
      message: `At most ${MAX_LIST_ITEMS} phrases to ignore; this has ${MAX_LIST_ITEMS + 1}.`,
    });
    expect(overLimits({ ...EMPTY_FORM, name: 'Apple', exclusions: many })).toBe(true);
  });
});
