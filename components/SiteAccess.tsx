import { useEffect, useState } from 'preact/hooks';
import type { SiteAccess } from '@/utils/site-access';

/** Whether access is granted (null until known), kept current as it is given or withdrawn. */
function useSiteAccess(siteAccess: SiteAccess): [boolean | null, () => void] {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((g) => g + 1);
  useEffect(() => siteAccess.onChange(refresh), [siteAccess]);
  useEffect(() => {
    let live = true;
    siteAccess.granted().then(
      (value) => live && setGranted(value),
      () => live && setGranted(null),
    );
    return () => {
      live = false;
    };
  }, [siteAccess, generation]);
  return [granted, refresh];
}

const WHAT_IS_LOST = 'so it highlights nothing and records no story.';

/** The popup's line when access is missing; the options page is where it is asked for. */
export function SiteAccessNotice({ siteAccess, openOptions }: { siteAccess: SiteAccess; openOptions(): void }) {
  const [granted] = useSiteAccess(siteAccess);
  if (granted !== false) return null;
  return (
    <p class="banner" role="status">
      This browser does not let News Tracker read web pages, {WHAT_IS_LOST}{' '}
      <button type="button" onClick={openOptions}>
        Allow access in Options
      </button>
    </p>
  );
}

/** The options page's request for access, with the reason, shown only while it is missing. */
export function SiteAccessRequest({ siteAccess }: { siteAccess: SiteAccess }) {
  const [granted, refresh] = useSiteAccess(siteAccess);
  const [refused, setRefused] = useState(false);
  if (granted !== false) return null;
  async function ask() {
    const given = await siteAccess.request().catch(() => false);
    setRefused(!given);
    refresh();
  }
  return (
    <section class="banner" aria-labelledby="site-access-heading">
      <h2 id="site-access-heading">Access to web pages</h2>
      <p>
        News Tracker reads the pages you open to recognise news articles, find the companies you track, highlight them
        and keep your list of stories. It reads them here, in this browser, and sends nothing anywhere. This browser
        does not let it read web pages now, {WHAT_IS_LOST}
      </p>
      <button type="button" class="primary" onClick={ask}>
        Allow access to web pages
      </button>
      {refused && (
        <p role="status">Access was not given. You can also allow it in the browser’s settings for this add-on.</p>
      )}
    </section>
  );
}
