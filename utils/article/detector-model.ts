// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -9.619,
  scale: 100,
  threshold: -1.018,
  weights:
    '49 -14 -7 -22 63 87 109 159 83 66 -1 232 22 62 93 -33 -141 -7 69 89 123 38 0 99 1 10 -34 -63 70 85 24 -14 25 295 -107 145 42 -9 21 7 41 -7 -18 -4 17 -66 -24 21 -17 -133 -163 45 -31 187 120 -18 -92 55 134 112',
};
