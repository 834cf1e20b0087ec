/**
 * The huge pages of the heartbeat benchmark (heavy-pages.bench.ts), built by a script in the page
 * as the hostile-page tests build theirs (test/fixtures/hostile/): a news article whose body is
 * written at load, with the page's own heartbeat, a 50 ms timer that counts its ticks for a
 * fixed time from the page's load event (`window.heartbeat`).
 *
 * - `elements`: 200,000 elements, 40,000 shelves of one <p> and four <span>s; every 1,000th
 *   shelf names a tracked company.
 * - `text`: 5 MB of prose in 10,000 paragraphs, a tracked company named every hundred-odd
 *   characters (about 40,000 mentions).
 */

/** 200 company names of our own making: every pair of these words. */
const FIRST = [
  'Northwind',
  'Bluestone',
  'Harbour',
  'Redwood',
  'Silverline',
  'Eastgate',
  'Ironbridge',
  'Lakeshore',
  'Brightwater',
  'Copperfield',
  'Highmoor',
  'Oakridge',
  'Pinecrest',
  'Stonebrook',
  'Westfield',
  'Goldleaf',
  'Clearview',
  'Fairhaven',
  'Greystone',
  'Kingsway',
];
const SECOND = [
  'Holdings',
  'Energy',
  'Logistics',
  'Pharma',
  'Motors',
  'Textiles',
  'Foods',
  'Telecom',
  'Mining',
  'Capital',
];

export const HEAVY_PAGE_NAMES: readonly string[] = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`));

/** How long the page counts its ticks after its load event, and how often it ticks. */
export const HEARTBEAT_WINDOW_MS = 3000;
export const HEARTBEAT_MS = 50;

const HEARTBEAT = `
window.heartbeat = { ticks: 0, done: false };
addEventListener('load', () => {
  const start = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - start > ${HEARTBEAT_WINDOW_MS}) {
      clearInterval(timer);
      window.heartbeat.done = true;
      return;
    }
    window.heartbeat.ticks += 1;
  }, ${HEARTBEAT_MS});
});`;

const ELEMENTS = `
(() => {
  const html = [];
  for (let i = 0; i < 40000; i++) {
    const last = i % 1000 === 0 ? ' Northwind Holdings shelf ' + i : ' item ' + i + '.3';
    html.push('<p><span> item ' + i + '.0</span><span> item ' + i + '.1</span><span> item ' + i + '.2</span><span>' + last + '</span></p>');
  }
  document.getElementById('body').innerHTML = html.join('');
})();`;

const TEXT = `
(() => {
  const words = ['revenue', 'quarter', 'growth', 'margin', 'supply', 'chain', 'market', 'share', 'device',
    'shipments', 'guidance', 'analysts', 'operating', 'costs', 'inventory', 'demand'];
  const names = ${JSON.stringify(HEAVY_PAGE_NAMES.slice(0, 60))};
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const parts = [];
  for (let i = 0; i < 10000; i++) {
    let text = names[next() % names.length] + ' said';
    let sinceName = 0;
    while (text.length < 500) {
      const word = sinceName > 110 ? names[next() % names.length] : words[next() % words.length];
      sinceName = sinceName > 110 ? 0 : sinceName + word.length + 1;
      text += ' ' + word;
    }
    parts.push('<p>' + text + '.</p>');
  }
  document.getElementById('body').innerHTML = parts.join('');
})();`;

function page(title: string, build: string): string {
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script>${HEARTBEAT}</script>
<script type="application/ld+json">${jsonLd}</script>
</head><body><article><h1>${title}</h1><div id="body"></div></article>
<script>${build}
requestAnimationFrame(() => setTimeout(() => performance.mark('page-painted'), 0));</script></body></html>`;
}

export const HEAVY_PAGES = {
  elements: page('Northwind Holdings opens a warehouse with 40,000 shelves', ELEMENTS),
  text: page('Northwind Holdings annual report runs to five megabytes', TEXT),
} as const;
