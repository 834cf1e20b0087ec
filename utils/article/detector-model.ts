// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -8.546,
  scale: 100,
  threshold: -1.61,
  weights:
    '44 -23 -24 27 61 79 100 158 90 67 -2 247 4 40 54 -17 -129 -5 34 144 98 36 0 88 0 10 -30 -76 82 86 35 -16 16 272 -112 143 93 -41 -11 6 38 -10 -17 -14 19 -79 -19 12 -11 -124 -165 29 -23 223 104 4 -88 46 128 102',
};
