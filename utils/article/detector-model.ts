// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts), then the stumps (utils/article/detector.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -4.522,
  scale: 100,
  threshold: 0.681,
  weights:
    '0 -9 -3 43 60 65 80 45 21 -2 100 -1 18 33 -38 3 27 54 2 14 0 47 0 13 -13 -30 47 37 60 -12 25 102 -42 -39 40 -6 -3 1 19 2 -12 -5 -1 -30 -47 13 -11 107 50 -24 -27 31 52 44',
  stumps:
    '53:0.84:-22:10 47:0.5:-57:32 33:2.96:21:-110 53:0.95:-31:19 10:0.5:-30:46 31:0.5:-37:32 53:0.78:-41:13 37:3.18:12:-82 6:0.5:-16:18 33:2.03:-16:17 44:0.5:8:-46 34:1.05:-13:9 33:2.81:4:-21 14:0.5:5:-17 5:0.34:-5:5',
};
