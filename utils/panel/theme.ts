/**
 * Whether the on-page panel should be dark: it follows the page it floats over. A page that
 * paints its own background (the body's, else the root's) decides by how light that colour is;
 * a page that paints none shows the browser's canvas, which is dark only where the page asks
 * for a dark scheme (`color-scheme`), alone or as one the system setting may choose.
 */

/** Parses `rgb(…)` / `rgba(…)` as getComputedStyle writes it; null for anything else. */
function parseColor(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/u.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Below this luminance a background reads as dark (mid grey, #767676, is about 0.18). */
const DARK_BELOW = 0.18;

export function prefersDark(view: Window): boolean {
  return typeof view.matchMedia === 'function' && view.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function pageLooksDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = parseColor(view.getComputedStyle(element).backgroundColor);
    if (color && color.a >= 0.5) return luminance(color) < DARK_BELOW;
  }
  // "dark" alone makes the canvas dark; "light dark" leaves it to the system setting.
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  if (!/\bdark\b/u.test(scheme)) return false;
  return !/\blight\b/u.test(scheme) || prefersDark(view);
}
