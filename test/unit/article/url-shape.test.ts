import { describe, expect, it } from 'vitest';
import { classifyUrl } from '@/utils/article/url-shape';

describe('classifyUrl', () => {
  it.each([
    ['https://www.reuters.com/', 'home'],
    ['https://www.deutschland.de/en', 'home'],
    ['https://www.example.com/index.html', 'home'],
    ['https://www.example.com/search?q=apple', 'search'],
    ['https://news.example/tag/electric-vehicles/', 'listing'],
    ['https://news.example/category/business/page/2', 'listing'],
    ['https://shop.example.de/eBay-Template-Datenschutz-Google-Fonts', 'product'],
    ['https://www.example.com/products/trailhead-40', 'product'],
    ['https://forum.example/viewtopic.php?t=12', 'forum'],
    ['https://www.reddit.com/r/videos/comments/5gafop/rick_astley/', 'forum'],
    ['https://docs.python.org/3.11/library/json.html', 'docs'],
    ['https://en.wikipedia.org/wiki/Mozilla', 'docs'],
    ['https://www.example.com/login', 'login'],
    ['https://www.cbsnews.com/video/a-look-back-a-history-of-sunday-morning/', 'video'],
    ['https://www.bbc.co.uk/news/business-68901234', 'article-like'],
    ['https://www.theguardian.com/business/2024/may/12/oil-prices', 'article-like'],
    ['https://www.bbc.com/news/england', 'unknown'],
    ['https://www.example.com/2024/05/12/oil-prices-rise/', 'article-like'],
    ['https://www.reuters.com/business/energy/oil-prices-rise-on-supply-worries-2024-05-12/', 'article-like'],
    ['https://web.archive.org/web/20160401095740/http://www.welpenkaufen24.de/', 'home'],
    ['not a url', 'unknown'],
    ['https://news.example/business/markets/', 'listing'],
    ['https://news.example/de/wirtschaft', 'listing'],
    ['https://news.example/business/markets/oil-prices-rise', 'unknown'],
    ['https://news.example/slideshow/harbour-storm-in-pictures-12', 'gallery'],
    ['https://news.example/photos/harbour-storm', 'gallery'],
    ['https://news.example/2024/05/12/storm-hits-harbour-photo-gallery', 'gallery'],
    ['https://fiction.example/works/512/chapters/3', 'fiction'],
    ['https://fiction.example/fiction/88/the-gate/chapter/4', 'fiction'],
    ['https://news.example/about-us', 'about'],
    ['https://news.example/de/impressum.html', 'about'],
    ['https://news.example/news/about-face-on-tariffs-2024', 'article-like'],
    ['https://news.example/reports/2024/annual/about', 'unknown'],
    ['https://x.com/newsdesk/status/1790000000000000000', 'social'],
    ['https://mastodon.example/@reporter/112233445566778899', 'social'],
    ['https://bsky.app/profile/reporter.example/post/3kabc2def', 'social'],
    ['https://www.threads.net/@reporter/post/C7abcDEF', 'social'],
    // A story on a blogging platform: the last part is a slug, not a post id.
    ['https://medium.com/@reporter/why-the-harbour-flooded-4f2a9c1b', 'article-like'],
    ['https://news.example/markets/status-of-the-oil-deal-2024', 'article-like'],
  ])('%s is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});
