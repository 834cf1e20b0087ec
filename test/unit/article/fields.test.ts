import { describe, expect, it } from 'vitest';
import { namesIn } from '@/utils/article/byline';
import { normaliseUrl } from '@/utils/article/canonical';
import { parseDate } from '@/utils/article/date-parse';
import { extractStory } from '@/utils/article/extract';
import { stripSiteName } from '@/utils/article/headline';
import { pageFrom } from './load';

describe('parseDate', () => {
  it.each([
    ['2015-04-30T07:19:58+02:00', '2015-04-30T05:19:58.000Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z'],
    ['2024-06-25', '2024-06-25T00:00:00.000Z'],
    ['1430371198', '2015-04-30T05:19:58.000Z'],
    ['20150430', '2015-04-30T00:00:00.000Z'],
    ['March 11, 2015 3:46 PM', '2015-03-11T15:46:00.000Z'],
    ['Updated 22 Dec 2016, 10:43 GMT', '2016-12-22T10:43:00.000Z'],
    ['April 28, 2019 at 6:01 am EDT', '2019-04-28T10:01:00.000Z'],
    ['publié le 8 octobre 2024 à 17h45', '2024-10-08T17:45:00.000Z'],
    ['3. März 2023', '2023-03-03T00:00:00.000Z'],
    ['30.04.2015 07:19', '2015-04-30T07:19:00.000Z'],
    ['2015年4月30日', '2015-04-30T00:00:00.000Z'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-14T02:30:09.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('reads 04/05/2015 by the page’s convention', () => {
    expect(parseDate('04/05/2015', { dayFirst: true })?.slice(0, 10)).toBe('2015-05-04');
    expect(parseDate('04/05/2015', { dayFirst: false })?.slice(0, 10)).toBe('2015-04-05');
  });

  it.each(['', 'yesterday', 'Chapter 12', '1850-01-01', '2015-13-45', '99999999999'])('refuses %j', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('namesIn', () => {
  it.each([
    ['By Erin Cunningham', ['Erin Cunningham']],
    ['By GILLIAN MOHNEY March 11, 2015 3:46 PM', ['GILLIAN MOHNEY']],
    ['Par Sébastien Farcis', ['Sébastien Farcis']],
    ['Stella Kim, Jennifer Jett', ['Stella Kim', 'Jennifer Jett']],
    ['By Priya Natarajan and Tomás Ferreira, Business reporters', ['Priya Natarajan', 'Tomás Ferreira']],
    ['Steven Musil | Staff Writer', ['Steven Musil']],
    ['di Marco Rossi', ['Marco Rossi']],
    ['Robert De Niro', ['Robert De Niro']],
    ['Marine Le Pen', ['Marine Le Pen']],
    ['jane@example.com', []],
    ['Follow', []],
    ['Written by Ana Ruiz Edited by Tom Lee', ['Ana Ruiz']],
    ['By Ana Ruiz Photos by Tom Lee', ['Ana Ruiz']],
    ['CC7567', []],
    ['Mac & i', ['Mac & i']],
    ['Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
  ])('%j gives %j', (raw, names) => {
    expect(namesIn(raw)).toEqual(names);
  });
});

describe('stripSiteName', () => {
  const isSite = (s: string) => /^(reuters|cnn business|cnn|bbc news|the guardian)$/i.test(s.trim());
  it.each([
    ['Oil prices rise on supply worries - Reuters', 'Oil prices rise on supply worries'],
    ['Stocks close higher | CNN Business', 'Stocks close higher'],
    [
      'BBC News - Obama admits gun laws are his biggest frustration',
      'Obama admits gun laws are his biggest frustration',
    ],
    [
      'Xbox One X review - A console that keeps up with gaming PCs',
      'Xbox One X review - A console that keeps up with gaming PCs',
    ],
    ['Brexit talks stall | Politics | The Guardian', 'Brexit talks stall'],
    ['Oil rises again @ Energy Notes :: Reuters ::', 'Oil rises again @ Energy Notes'],
    // The site's name is never most of the title: what is left would be a fragment.
    ['Reuters - Q3', 'Reuters - Q3'],
  ])('%j → %j', (title, expected) => {
    expect(stripSiteName(title, isSite)).toBe(expected);
  });
});

describe('stripSiteName without knowing the site', () => {
  const knowsNothing = () => false;
  it('drops a short tail behind a pipe or a middle dot', () => {
    expect(stripSiteName('Getting LEAN with Digital Ad UX | IAB', knowsNothing)).toBe(
      'Getting LEAN with Digital Ad UX',
    );
    expect(stripSiteName('Standalone WebAssembly binaries using Emscripten · V8', knowsNothing)).toBe(
      'Standalone WebAssembly binaries using Emscripten',
    );
  });
  it('keeps a dash, which headlines use too', () => {
    expect(stripSiteName('Oil prices rise - analysts expect more', knowsNothing)).toBe(
      'Oil prices rise - analysts expect more',
    );
  });
});

describe('normaliseUrl', () => {
  it('drops utm_*, fbclid, gclid and the fragment, and keeps real parameters', () => {
    expect(normaliseUrl('/a?id=3&utm_source=x&fbclid=1&gclid=2&page=2#top', 'https://site.example/b')).toBe(
      'https://site.example/a?id=3&page=2',
    );
  });
});

describe('the headline a reader sees', () => {
  it('prefers the visible heading when the titles are that heading plus an author', () => {
    const story = extractStory(
      pageFrom(`<html><head><title>Why the harbour dues keep rising - Jane Doe</title>
        <meta property="og:title" content="Why the harbour dues keep rising - Jane Doe"></head>
        <body><h1>Why the harbour dues keep rising</h1><p>${'Text of the post. '.repeat(20)}</p></body></html>`),
      'https://blog.example/harbour-dues',
    );
    expect(story.title).toBe('Why the harbour dues keep rising');
  });

  it('takes the publisher’s og:title over a differently worded visible heading about the same story', () => {
    const story = extractStory(
      pageFrom(`<html><head><title>Why the harbour dues keep rising - Jane Doe</title>
        <meta property="og:title" content="Harbour dues: what changed"></head>
        <body><h1>Why the harbour dues keep rising</h1><p>${'Text of the post. '.repeat(20)}</p></body></html>`),
      'https://blog.example/harbour-dues',
    );
    expect(story.title).toBe('Harbour dues: what changed');
  });

  it('does not take an og:title about something else than every other title (a show’s name left in it)', () => {
    const story = extractStory(
      pageFrom(`<html><head><title>Ferry fares frozen for a year</title>
        <meta property="og:title" content="Morning Briefing Live"></head>
        <body><h1>Ferry fares frozen for a year</h1><p>${'Text of the story. '.repeat(20)}</p></body></html>`),
      'https://news.example/ferry-fares-frozen',
    );
    expect(story.title).toBe('Ferry fares frozen for a year');
  });

  it('does not take a heading that no title on the page agrees with (negative control)', () => {
    const story = extractStory(
      pageFrom(`<html><head><title>Why the harbour dues keep rising - Jane Doe</title></head>
        <body><h1>Latest posts</h1><p>${'Text of the post. '.repeat(20)}</p></body></html>`),
      'https://blog.example/harbour-dues',
    );
    expect(story.title).not.toBe('Latest posts');
  });
});

describe('dates that are not the story’s', () => {
  const encyclopediaPage = (referenceClass: string) =>
    pageFrom(`<html><head><title>Ada Quill</title></head><body><h1>Ada Quill</h1>
      <p>${'Ada Quill is a shipbuilder. '.repeat(20)}</p><p>${'She founded a yard. '.repeat(20)}</p>
      <p>${'The yard still builds ferries. '.repeat(20)}</p>
      <table class="infobox vcard"><tr><td><span class="bday">1961-04-02</span></td></tr></table>
      <ol class="references"><li>Harbour Gazette. <span class="${referenceClass}">Retrieved 2019-03-05</span></li></ol>
      </body></html>`);

  it('ignores a birthday in an hCard infobox and a citation’s access date', () => {
    expect(
      extractStory(encyclopediaPage('reference-accessdate'), 'https://encyclopedia.example/ada-quill').publishedTime,
    ).toBeNull();
  });

  it('still reads a date marked as the page’s own (negative control)', () => {
    expect(extractStory(encyclopediaPage('post-date'), 'https://encyclopedia.example/ada-quill').publishedTime).toBe(
      '2019-03-05T00:00:00.000Z',
    );
  });

  it('reads a compact date from the address, but not from the host name', () => {
    const body = `<body><h1>Port strike ends</h1><p>${'The strike ended. '.repeat(20)}</p></body>`;
    expect(extractStory(pageFrom(body), 'https://news.example/view.php?a=20170309-350978').publishedTime).toBe(
      '2017-03-09T00:00:00.000Z',
    );
    expect(extractStory(pageFrom(body), 'https://news20170309.example/port-strike-ends').publishedTime).toBeNull();
  });

  it('reads a date in a short line below the headline, and not from a long block there', () => {
    const story = `<p>${'The strike ended after talks that ran through the night. '.repeat(10)}</p>`;
    const page = (line: string) => `<body><h1>Port strike ends</h1>${line}${story}</body>`;
    const url = 'https://news.example/port-strike-ends';
    expect(extractStory(pageFrom(page('<p>Posted on March 9, 2017</p>')), url).publishedTime).toBe(
      '2017-03-09T00:00:00.000Z',
    );
    // The same words at the end of a block of 300 characters and more are not a line of their own.
    const long = `<div>${'Earlier reports said the port would stay shut. '.repeat(7)}Posted on March 9, 2017</div>`;
    expect(extractStory(pageFrom(page(long)), url).publishedTime).toBeNull();
  });

  it('reads a date line written as bare text between line breaks below the headline', () => {
    const story = `<p>${'The strike ended after talks that ran through the night. '.repeat(10)}</p>`;
    const url = 'https://news.example/port-strike-ends';
    const head = '<h1>Port strike ends</h1><span>Editor’s pick</span><br>Section: <a href="/ports">Ports</a><br>';
    expect(
      extractStory(pageFrom(`<body>${head}Article Date: 09 Mar 2017 - 6:00 PDT<br>${story}</body>`), url).publishedTime,
    ).toBe('2017-03-09T13:00:00.000Z');
    // Negative controls: a "last updated" line is no publication date, nor is a footer after the story.
    expect(
      extractStory(pageFrom(`<body>${head}Last updated: 09 Mar 2017<br>${story}</body>`), url).publishedTime,
    ).toBeNull();
    expect(
      extractStory(pageFrom(`<body>${head}${story}<div>Copyright 2017. Page built 09 Mar 2017.</div></body>`), url)
        .publishedTime,
    ).toBeNull();
  });
});

describe('the publisher’s name', () => {
  const page = (head: string) =>
    pageFrom(
      `<html><head>${head}</head><body><h1>Port strike ends</h1><p>${'The strike ended. '.repeat(20)}</p></body></html>`,
    );

  it('names a publication hosted on a platform, not the platform', () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Port strike ends',
      publisher: {
        '@type': 'Organization',
        name: 'Harbour Engineering',
        url: 'https://blogs.example/harbour-engineering',
      },
    };
    const story = extractStory(
      page(
        `<meta property="og:site_name" content="Blogs"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      ),
      'https://blogs.example/harbour-engineering/port-strike-ends-1a2b',
    );
    expect(story.publisher).toBe('Harbour Engineering');
  });

  it('keeps og:site_name when the publisher is the site’s parent company at its own root (negative control)', () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Port strike ends',
      publisher: { '@type': 'Organization', name: 'Coastal Media Group', url: 'https://coastal-media.example/' },
    };
    const story = extractStory(
      page(
        `<meta property="og:site_name" content="The Harbour Post"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      ),
      'https://harbourpost.example/port-strike-ends',
    );
    expect(story.publisher).toBe('The Harbour Post');
  });

  it('drops an address ending when the page also names itself without it, or when the name is just its host', () => {
    expect(
      extractStory(
        page(
          '<meta property="og:site_name" content="Quayside.fr"><meta name="twitter:app:name:iphone" content="Quayside">',
        ),
        'https://www.quayside.fr/port-strike-ends',
      ).publisher,
    ).toBe('Quayside');
    expect(
      extractStory(page('<meta name="application-name" content="DOCKS.COM">'), 'https://www.docks.com/port-strike-ends')
        .publisher,
    ).toBe('DOCKS');
  });

  it('keeps a brand that is written with its ending everywhere and is not the host (negative control)', () => {
    expect(
      extractStory(
        page('<meta property="og:site_name" content="Zprávy.cz">'),
        'https://www.example-news.cz/port-strike',
      ).publisher,
    ).toBe('Zprávy.cz');
  });
});

describe('bylines that are menu entries', () => {
  const story = (byline: string) =>
    extractStory(
      pageFrom(`<html><head><title>Port strike ends</title></head><body>
        <ul><li><a href="/">Home</a></li>${byline}</ul>
        <h1>Port strike ends</h1><p>${'The strike ended. '.repeat(20)}</p></body></html>`),
      'https://news.example/port-strike-ends',
    );

  it('ignores a "bylines" menu entry that links to a front page', () => {
    expect(story('<li id="navBylines"><a href="https://voices.news.example/">Voices</a></li>').byline).toBeNull();
  });

  it('reads a byline linking to the author’s own page (negative control)', () => {
    expect(story('<li class="byline"><a href="/author/jane-doe">Jane Doe</a></li>').byline).toBe('Jane Doe');
  });
});

describe('team blogs that post under the site’s own account', () => {
  const story = (account: string) =>
    extractStory(
      pageFrom(`<html><head><title>Smaller app updates | Harbour Tools Blog</title></head><body>
        <h1>Smaller app updates</h1>
        <div class="post-body"><p><em>Posted by Ines Barreau, Software Engineer on the Updates team</em></p>
        <p>${'Our updates are now smaller. '.repeat(20)}</p></div>
        <span class="post-author">Posted by <a rel="author" href="https://profiles.example/0815">${account}</a></span>
        </body></html>`),
      'https://harbour-tools.blogs.example/2016/12/smaller-app-updates.html',
    );

  it('names the writer from the story’s first line when the author account is the site itself', () => {
    expect(story('Harbour Tools').byline).toBe('Ines Barreau');
  });

  it('keeps a person named as the author (negative control)', () => {
    expect(story('Tom Lee').byline).toBe('Tom Lee');
  });
});
