// Vitest runs without globals, so Testing Library cannot register its own cleanup: do it here.
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';

// A clicked link would make happy-dom fetch the page over the network; tests only need the click.
const stayPut = (event: Event) => {
  if ((event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
};
beforeEach(() => document.addEventListener('click', stayPut));
afterEach(() => {
  document.removeEventListener('click', stayPut);
  cleanup();
});

export * from '@testing-library/preact';
