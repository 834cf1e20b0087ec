import { afterEach, describe, expect, it } from 'vitest';
import { pageLooksDark } from '@/utils/panel/theme';

/** Makes the system setting answer `dark` for the rest of the test. */
function systemPrefersDark(dark: boolean) {
  window.matchMedia = ((query: string) => ({ matches: dark && query.includes('dark') })) as never;
}

describe('the panel follows the page under it', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('style');
    document.body.removeAttribute('style');
    systemPrefersDark(false);
  });

  it('is dark over a dark background and light over a light one, whatever the system says', () => {
    systemPrefersDark(true);
    document.body.style.background = 'rgb(20, 22, 25)';
    expect(pageLooksDark(document)).toBe(true);
    document.body.style.background = 'rgb(253, 252, 248)';
    expect(pageLooksDark(document)).toBe(false);
    // The root's background counts where the body paints none.
    document.body.removeAttribute('style');
    document.documentElement.style.background = 'rgb(0, 0, 0)';
    expect(pageLooksDark(document)).toBe(true);
  });

  it('leaves a page without a background of its own to its colour scheme and the system setting', () => {
    systemPrefersDark(true);
    expect(pageLooksDark(document)).toBe(false);
    document.documentElement.style.colorScheme = 'light dark';
    expect(pageLooksDark(document)).toBe(true);
    systemPrefersDark(false);
    expect(pageLooksDark(document)).toBe(false);
    document.documentElement.style.colorScheme = 'dark';
    expect(pageLooksDark(document)).toBe(true);
  });
});
