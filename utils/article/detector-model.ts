// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts), then the stumps (utils/article/detector.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -4.855,
  scale: 100,
  threshold: 0.419,
  weights:
    '0 -9 -3 29 37 51 59 76 45 23 -2 95 -4 17 34 22 -42 0 23 55 1 13 0 46 0 13 -12 -30 49 39 60 -10 23 100 -43 -38 44 13 -5 -16 2 10 13 -5 -2 18 -5 -13 -4 -4 -30 -46 10 -11 105 52 -18 -25 31 50 46',
  stumps:
    '60:0.95:-33:22 54:0.5:-57:32 60:0.78:-44:15 35:2.96:21:-107 11:0.5:-30:45 33:0.5:-32:28 44:3.18:12:-81 60:0.84:-17:7 35:2.03:-21:22 7:0.5:-16:18 36:1.05:-13:9 51:0.5:6:-36 35:2.81:6:-31 16:0.5:5:-17 6:0.34:-5:4',
};
