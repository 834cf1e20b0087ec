import './BrandMark.css';

/**
 * The News Tracker icon beside a page's title. Decorative: the heading beside it names the page.
 * The drawing on a 16-pixel grid stays crisp up to about twice that; larger, the detailed one.
 */
export function BrandMark({ size = 28 }: { size?: number }) {
  const drawing = size >= 40 ? 'large' : 'small';
  return <img class="brand-mark" src={`/icon/${drawing}.svg`} alt="" width={size} height={size} />;
}
