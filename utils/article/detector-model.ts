// Written by `npm run train:detector` (scripts/train-detector.ts); do not edit by hand.
import type { DetectorModelData } from './detector';

export const DETECTOR_MODEL: DetectorModelData = {
  source:
    'Real saved pages: mozilla/readability test pages (Apache-2.0), the non-articles collection (trafilatura, htmldate, newspaper, postlight fixtures, Debian docs and others) and news-dev (fundus, metascraper, goose3, Omnivore, news-scraper and others); see ../shared/corpora/README.md',
  bias: -9.658,
  scale: 100,
  threshold: -0.374,
  weights:
    'url:search 47 url:docs -14 url:listing -7 url:article-like -24 url:date 64 url:slug-words 89 url:slug-chars 108 url:number 161 url:depth 85 url:query 67 url:archive -1 og:article 232 og:website 22 meta:published 62 meta:author 95 meta:image -32 meta:large-card -140 meta:amp -5 meta:section 69 meta:date 89 ld:news 122 ld:article 39 microdata:article 100 microdata:many 1 h-entry 9 prose:chars -35 prose:paragraphs -62 prose:densest-chars 71 prose:densest-paragraphs 86 prose:running 20 prose:little -14 prose:paragraph-length 23 prose:story-box 296 text:chars -108 text:longest-block 146 text:link-share 42 text:in-paragraphs -8 links 21 links:stories 8 headings 41 list-items -7 code -17 inputs -2 figures 18 share-links -67 listing:boxes -23 listing:short-boxes 21 listing:headline-links -17 listing:commented -133 listing -162 dates:distinct 45 dates:many -31 date 188 byline 116 h1:none -17 h1:many -93 h1:title 52 h1:dated 134 title:chars 112',
};
