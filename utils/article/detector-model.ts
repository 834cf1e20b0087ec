// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
// Trained on real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md.
// One weight per feature, in the order of FEATURE_NAMES (utils/article/page-features.ts), then the stumps (utils/article/detector.ts).
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  bias: -4.543,
  scale: 100,
  threshold: 0.652,
  weights:
    '0 -9 -3 43 61 67 76 50 23 -2 96 -2 18 36 -38 3 28 53 2 13 0 47 0 14 -12 -31 48 38 59 -9 24 105 -41 -40 36 -4 -6 0 18 3 -11 -5 0 -31 -48 13 -11 114 52 -23 -26 29 54 44',
  stumps:
    '47:0.5:-72:38 53:0.84:-31:14 31:0.5:-46:37 33:2.96:20:-108 53:0.95:-23:15 10:0.5:-30:44 53:0.78:-31:11 37:3.18:12:-75 44:0.5:10:-62 5:0.34:-17:15 6:0.5:-10:11 34:1.05:-12:8 14:0.5:6:-17 33:2.01:-5:5 33:2.81:2:-9',
};
