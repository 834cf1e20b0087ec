// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -9.658,
  scale: 100,
  threshold: -0.374,
  weights:
    '47 -14 -7 -24 64 89 108 161 85 67 -1 232 22 62 95 -32 -140 -5 69 89 122 39 0 100 1 9 -35 -62 71 86 20 -14 23 296 -108 146 42 -8 21 8 41 -7 -17 -2 18 -67 -23 21 -17 -133 -162 45 -31 188 116 -17 -93 52 134 112',
};
