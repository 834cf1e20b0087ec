/**
 * Article-detection results as markdown tables: recall on articles and the share of other pages
 * taken for articles, in all and per collection, language, source and page type. Borderline
 * pages (debatable calls) are counted apart, never in the totals.
 */

export interface Scored {
  example: {
    id: string;
    corpus: string;
    lang: string;
    source: string;
    kind: string;
    isArticle: boolean;
    borderline: boolean;
  };
  isArticle: boolean;
}

function rate(part: number, whole: number): string {
  return whole === 0 ? '–' : `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

function row(label: string, scored: readonly Scored[]): string {
  const articles = scored.filter((s) => s.example.isArticle);
  const others = scored.filter((s) => !s.example.isArticle);
  const found = articles.filter((s) => s.isArticle).length;
  const wrong = others.filter((s) => s.isArticle).length;
  return `| ${label} | ${rate(found, articles.length)} | ${rate(wrong, others.length)} |`;
}

function grouped(scored: readonly Scored[], key: (s: Scored) => string, minimum = 1): string[] {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return [...groups]
    .filter(([, list]) => list.length >= minimum)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([name, list]) => row(name, list));
}

/** The table; `verbose` adds every page called wrongly. */
export function detectionTable(
  scored: readonly Scored[],
  verbose = process.env.NEWS_TRACKER_EVAL_VERBOSE === '1',
): string {
  const firm = scored.filter((s) => !s.example.borderline);
  const borderline = scored.filter((s) => s.example.borderline);
  const lines = [
    '| pages | recall (articles found) | false-article rate (others taken for articles) |',
    '| --- | --- | --- |',
    row('**all**', firm),
    ...grouped(firm, (s) => `collection ${s.example.corpus}`),
    ...grouped(firm, (s) => `language ${s.example.lang}`),
    ...grouped(firm, (s) => `source ${s.example.source}`),
    ...grouped(
      firm.filter((s) => !s.example.isArticle),
      (s) => `not an article: ${s.example.kind}`,
    ),
    row('borderline pages (apart)', borderline),
  ];
  if (verbose) {
    for (const s of scored) {
      if (s.isArticle === s.example.isArticle) continue;
      const label = s.example.isArticle ? 'missed article' : 'false article';
      lines.push(
        `  ✗ ${label}${s.example.borderline ? ' (borderline)' : ''}: ${s.example.corpus}/${s.example.id} (${s.example.lang})`,
      );
    }
  }
  return lines.join('\n');
}
