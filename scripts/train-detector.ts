/**
 * `npm run train:detector`: trains the article detector's model from the real pages in
 * ../shared/corpora (readability/: news, blogs and other pages; non-articles/: home pages,
 * section fronts, docs, forums, shops; news-dev/: news stories in 24 languages and news-site
 * pages that are not stories) and writes utils/article/detector-model.ts.
 *
 * Every page is read by the extension's own code (utils/article/detect.ts `detectorInput`):
 * the model is trained on the pages the cheap checks leave to it, as those are the only ones it
 * ever decides (the stories they declare count as found when its threshold is set). It first prints
 * cross-validated recall and false-article rates per collection and per language (folds grouped
 * by site, so no publisher is on both sides), then fits the shipped model on every page.
 * Deterministic: the folds are dealt by a seeded generator and the fit has no randomness, so a
 * rebuild gives the same file. Without ../shared/corpora it says so and changes nothing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  crossValidate,
  DEFAULT_OPTIONS,
  type DetectorExample,
  featureVector,
  modelData,
  trainDetector,
} from '../test/support/detector-training';
import { readDeclared, readMarkup } from '../utils/article/declared';
import { detectorInput } from '../utils/article/detect';
import type { DetectorModelData } from '../utils/article/detector';
import { pageFeatures } from '../utils/article/page-features';
import { type CorpusPage, newsDevPages, nonArticlePages, readabilityPages } from './eval/corpora';
import { detectionTable } from './lib/detector-report';
import { readHtmlFile, withDocument } from './lib/html-file';

export const DETECTOR_SOURCE =
  'real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md';

/** The language of the page's main text: the collection's label, else the page's own declaration. */
function languageOf(page: CorpusPage, document: Document): string {
  const declared = page.lang ?? page.expected?.lang ?? document.documentElement?.getAttribute('lang') ?? '';
  return declared.split(/[-_]/u)[0]?.toLowerCase() || 'unknown';
}

/**
 * One page as the detector sees it, from a DOM already parsed: whether the cheap checks stop it,
 * and its features either way (a page they stop still teaches the model what its address or
 * markup means).
 */
export function exampleOf(page: CorpusPage, document: Document): DetectorExample {
  const input = detectorInput(document, page.url);
  const declared = readDeclared(document, page.url);
  readMarkup(document, declared);
  return {
    id: page.id,
    corpus: page.corpus,
    site: page.site,
    lang: languageOf(page, document),
    kind: page.kind,
    source: page.source ?? page.corpus,
    isArticle: page.isArticle === true,
    borderline: page.borderline === true,
    stop: input.article === false ? input.stop : null,
    declaredNews: input.article === true,
    values: featureVector(input.features ?? pageFeatures(document, page.url, declared)),
  };
}

/** Every page with an article-or-not label (readability's synthetic fixtures left out). */
export function detectorPages(corporaDir: string): CorpusPage[] {
  return [
    ...readabilityPages(corporaDir).filter((p) => p.isArticle !== null),
    ...nonArticlePages(corporaDir),
    ...newsDevPages(corporaDir),
  ];
}

export function readExamples(pages: readonly CorpusPage[]): DetectorExample[] {
  return pages.map((page) => {
    const example = withDocument(readHtmlFile(page.file), page.url, (document) => exampleOf(page, document));
    process.stderr.write('.');
    return example;
  });
}

export const MODEL_FILE = path.resolve('utils/article/detector-model.ts');

export function modelModule(model: DetectorModelData): string {
  return [
    '// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.',
    `// Trained on ${DETECTOR_SOURCE}.`,
    '// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts), then the stumps (utils/article/detector.ts).',
    "import type { DetectorModelData } from './detector';",
    '',
    'export const DETECTOR_MODEL: DetectorModelData = {',
    `  bias: ${model.bias},`,
    `  scale: ${model.scale},`,
    `  threshold: ${model.threshold},`,
    '  weights:',
    `    '${model.weights}',`,
    '  stumps:',
    `    '${model.stumps}',`,
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const corpora = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
  if (!existsSync(path.join(corpora, 'news-dev'))) {
    console.log(`No training pages at ${corpora}: the shipped model is left as it is.`);
    return;
  }
  const examples = readExamples(detectorPages(corpora));
  process.stderr.write('\n');
  const options = DEFAULT_OPTIONS;
  console.log(
    `Cross-validation: ${options.folds} folds grouped by site (seed ${options.seed}), each fold's threshold the highest that keeps ${options.minRecall * 100}% of the stories in its own training pages (scored out of fold)`,
  );
  console.log(detectionTable(crossValidate(examples, options)));
  const trained = trainDetector(examples, options);
  const model = modelData(trained);
  writeFileSync(MODEL_FILE, modelModule(model));
  const used = examples.filter((e) => !e.borderline).length;
  console.log(`\nTrained on ${used} pages (${examples.length - used} borderline left out) → ${MODEL_FILE}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
