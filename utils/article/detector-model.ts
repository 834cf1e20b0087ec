// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts), then the stumps (utils/article/detector.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -4.895,
  scale: 100,
  threshold: -0.239,
  weights:
    '9 -9 -4 34 41 50 56 72 43 29 -3 101 -8 22 32 25 -28 2 23 71 43 9 0 40 0 12 -17 -37 51 45 33 -1 14 119 -34 55 12 -3 -9 4 6 -3 -17 4 19 -10 -8 -3 -7 -33 -48 13 -16 109 55 -18 -26 28 47 49',
  stumps:
    '59:0.95:-26:18 33:0.5:-22:19 53:0.5:-40:20 34:2.96:15:-80 11:0.5:-17:26 59:0.78:-22:8 59:0.84:-10:5 34:2.03:-18:19 34:2.82:5:-26 36:0.26:-8:5 35:1.05:-7:5 43:2.97:3:-13 50:0.5:2:-13',
};
