import { describe, expect, it, vi } from 'vitest';
import { EntityFields } from '@/components/EntityFields';
import { EMPTY_FORM } from '@/utils/entity-form';
import { fireEvent, render, screen } from './testing';

describe('EntityFields', () => {
  it('labels every field and reports each change', () => {
    const onChange = vi.fn();
    render(<EntityFields values={EMPTY_FORM} onChange={onChange} watchlists={['Clients']} showColor idPrefix="t" />);
    for (const label of ['Name', 'Aliases', 'Exclude', 'Watchlist', 'Colour', 'Match case']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.input(screen.getByLabelText('Exclude'), { target: { value: 'apple pie' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FORM, exclusions: 'apple pie' });
    fireEvent.click(screen.getByLabelText('Match case'));
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FORM, matchCase: true });
    expect(document.querySelector('datalist option')?.getAttribute('value')).toBe('Clients');
  });

  it('leaves the colour out of the add form', () => {
    render(<EntityFields values={EMPTY_FORM} onChange={() => {}} watchlists={[]} showColor={false} idPrefix="t" />);
    expect(screen.queryByLabelText('Colour')).toBeNull();
  });
});
