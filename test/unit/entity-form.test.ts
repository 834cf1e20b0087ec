import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { EMPTY_FORM, entityPatch, formFromEntity, newEntityInput, pastedNames, watchlists } from '@/utils/entity-form';

describe('the company form', () => {
  it('turns what was typed into a new company', () => {
    expect(
      newEntityInput({ ...EMPTY_FORM, name: 'Apple', aliases: 'Apple Inc.\nAAPL, iPhone maker', watchlist: '  ' }),
    ).toEqual({
      name: 'Apple',
      aliases: ['Apple Inc.', 'AAPL', 'iPhone maker'],
      exclusions: [],
      matchCase: false,
      watchlist: null,
    });
  });

  it('shows a tracked company in the form and saves it back unchanged', () => {
    const entity = createEntity(
      { name: 'GAP', aliases: ['Gap Inc.'], exclusions: ['mind the gap'], matchCase: true, watchlist: 'Clients' },
      0,
    );
    const { id, createdAt, ...rest } = entity;
    expect(entityPatch(entity, formFromEntity(entity))).toEqual(rest);
  });

  it('keeps the whole-word setting of aliases that stay, and drops repeated spellings', () => {
    const entity = createEntity({ name: 'Arm', aliases: ['ARM Ltd'] }, 0);
    entity.aliases[1]!.wholeWord = false;
    const patch = entityPatch(entity, { ...formFromEntity(entity), aliases: 'arm ltd\nArm Holdings\nARM' });
    expect(patch.aliases).toEqual([
      { text: 'Arm', matchCase: false, wholeWord: true },
      { text: 'arm ltd', matchCase: false, wholeWord: false },
      { text: 'Arm Holdings', matchCase: false, wholeWord: true },
    ]);
  });

  it('refuses an empty name', () => {
    const entity = createEntity({ name: 'Arm' }, 0);
    expect(() => entityPatch(entity, { ...formFromEntity(entity), name: ' ' })).toThrow('needs a name');
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
