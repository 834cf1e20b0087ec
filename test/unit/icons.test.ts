/**
 * The icon set: every size renders square and sharp from its drawing, stays legible on light
 * and dark toolbars (Chromium's and Firefox's), and both built manifests name the files, which
 * are there at the size they claim.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ICON_FILES, ICON_SIZES, renderIcon } from '../../build/icons';

/** Toolbar colours of Chromium and Firefox, light and dark themes. */
const TOOLBARS = {
  'Chromium light': '#ffffff',
  'Chromium dark': '#3c3c3c',
  'Firefox light': '#f9f9fb',
  'Firefox dark': '#2b2a33',
};

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

function luminance([r, g, b]: number[]): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = (c ?? 0) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (lr ?? 0) + 0.7152 * (lg ?? 0) + 0.0722 * (lb ?? 0);
}

/** Share of the icon's square that stands out from the toolbar by WCAG's 3:1 for graphics: the blue tile does on light toolbars, the white page on dark ones. */
function legibleShare(pixels: Uint8Array, toolbar: string): number {
  const back = channels(toolbar);
  const backLum = luminance(back);
  let legible = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    // resvg gives premultiplied RGBA: composite over the toolbar.
    const alpha = (pixels[i + 3] ?? 0) / 255;
    const shown = [0, 1, 2].map((c) => (pixels[i + c] ?? 0) + (back[c] ?? 0) * (1 - alpha));
    const lum = luminance(shown);
    if ((Math.max(lum, backLum) + 0.05) / (Math.min(lum, backLum) + 0.05) >= 3) legible += 1;
  }
  return legible / (pixels.length / 4);
}

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the icon set', () => {
  it.each(ICON_SIZES)('renders %i px from its drawing', async (size) => {
    const { pixels, png } = await renderIcon(size);
    expect(pixels.length).toBe(size * size * 4);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it.each(ICON_SIZES)('%i px stands out on light and dark toolbars', async (size) => {
    const { pixels } = await renderIcon(size);
    for (const [toolbar, colour] of Object.entries(TOOLBARS)) {
      expect(legibleShare(pixels, colour), `${size} px on the ${toolbar} toolbar`).toBeGreaterThan(0.3);
    }
  });

  it('catches an icon that vanishes on a dark toolbar (negative control)', () => {
    const glyph = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="2" y="2" width="12" height="12" fill="#202124"/></svg>',
      { fitTo: { mode: 'width', value: 16 } },
    ).render().pixels;
    expect(legibleShare(glyph, TOOLBARS['Chromium light'])).toBeGreaterThan(0.3);
    expect(legibleShare(glyph, TOOLBARS['Chromium dark'])).toBe(0);
  });

  it.each([
    ['chrome-mv3', 'action'],
    ['firefox-mv3', 'action'],
  ])('is named in the built %s manifest, each file at its size', (dir, action) => {
    const file = `.output/${dir}/manifest.json`;
    if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run build\` (and \`npm run build:firefox\`) first.`);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const expected = Object.fromEntries(Object.entries(ICON_FILES));
    expect(manifest.icons).toEqual(expected);
    expect((manifest[action] as { default_icon?: unknown }).default_icon).toEqual(expected);
    for (const [size, path] of Object.entries(ICON_FILES)) {
      expect(pngSize(`.output/${dir}/${path}`)).toEqual([Number(size), Number(size)]);
    }
    // The pages' headers show the drawings themselves (components/BrandMark.tsx).
    expect(existsSync(`.output/${dir}/icon/small.svg`) && existsSync(`.output/${dir}/icon/large.svg`)).toBe(true);
  });
});
