import { describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { Popup } from '@/components/Popup';
import type { SiteAccess } from '@/utils/site-access';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

/** Site access as the browser keeps it: `answer` is what the person says when asked. */
function fakeSiteAccess(granted: boolean, answer = true) {
  const listeners = new Set<() => void>();
  const access = {
    granted: vi.fn(async () => granted),
    request: vi.fn(async () => {
      if (answer) access.set(true);
      return answer;
    }),
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The browser changes it (the person, in the browser's own settings). */
    set(value: boolean) {
      granted = value;
      for (const listener of listeners) listener();
    },
  };
  return access satisfies SiteAccess;
}

const tab = async () => ({ id: 7, url: 'https://news.example/a' });
const NOTICE = /^This browser does not let News Tracker read web pages, so it highlights nothing/u;

describe('site access', () => {
  it('the popup says nothing while access is there, and says so as soon as it is withdrawn', async () => {
    const access = fakeSiteAccess(true);
    const openOptions = vi.fn();
    render(<Popup client={fakeClient()} getActiveTab={tab} openOptions={openOptions} siteAccess={access} />);
    await screen.findByRole('button', { name: 'Add companies' });
    expect(access.granted).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Allow access in Options' })).toBeNull();

    access.set(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access in Options' }));
    expect(openOptions).toHaveBeenCalled();
    expect(screen.getByText(NOTICE)).toBeTruthy();
  });

  it('the options page explains and asks when access is missing, and the request goes once it is given', async () => {
    const access = fakeSiteAccess(false);
    render(<Options client={fakeClient()} save={() => {}} siteAccess={access} />);
    const heading = await screen.findByRole('heading', { name: 'Access to web pages', level: 2 });
    expect(heading.parentElement?.textContent).toMatch(/reads them here, in this browser, and sends nothing anywhere/u);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to web pages' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Access to web pages' })).toBeNull());
    expect(access.request).toHaveBeenCalledTimes(1);
  });

  it('says so when the person refuses, and keeps asking', async () => {
    const access = fakeSiteAccess(false, false);
    render(<Options client={fakeClient()} save={() => {}} siteAccess={access} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to web pages' }));
    expect(
      await screen.findByText(/^Access was not given\. You can also allow it in the browser’s settings/u),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Allow access to web pages' })).toBeTruthy();
  });
});
