// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  source:
    'Real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md',
  bias: -9.329,
  scale: 100,
  threshold: -0.348,
  weights:
    'url:search 47 url:docs -17 url:listing -10 url:article-like -16 url:date 54 url:slug-words 154 url:number 160 url:depth 92 url:query 69 url:archive -1 og:article 229 og:website 28 meta:published 65 meta:author 104 meta:image -42 meta:large-card -135 meta:amp -6 meta:section 71 meta:date 93 ld:news 126 ld:article 38 microdata:article 104 microdata:many 1 h-entry -7 prose:chars -32 prose:paragraphs -61 prose:densest-chars 68 prose:densest-paragraphs 79 prose:running 29 prose:little -20 prose:paragraph-length 23 prose:story-box 297 text:chars -116 text:longest-block 151 text:link-share 41 text:in-paragraphs -12 links 16 links:stories 9 headings 42 list-items -14 code -16 inputs -4 figures 19 share-links -60 listing:boxes -21 listing:short-boxes 24 listing:headline-links -17 listing:commented -131 listing -159 dates:distinct 36 dates:many -35 date 195 byline 106 h1:none -19 h1:many -86 h1:title 57 h1:dated 138 title:chars 127',
};
