/**
 * The extension's icons, drawn as SVG in assets/icon/ and rendered to PNG as the extension
 * builds (wxt.config.ts adds them to the output). The toolbar sizes, 16 and 32 px, come from a
 * drawing on a 16-pixel grid, so every bar lands on whole pixels and stays sharp; 48 and 128 px
 * (the extensions page, the install prompt) come from the detailed drawing. Both sit on a solid
 * blue tile with a white page, so they read on light and dark toolbars alike.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CopiedPublicFile } from 'wxt';

export const ICON_SIZES = [16, 32, 48, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** Where each size lands in the extension, as the manifest names it. */
export const ICON_FILES: Record<IconSize, string> = {
  16: 'icon/16.png',
  32: 'icon/32.png',
  48: 'icon/48.png',
  128: 'icon/128.png',
};

/** Both drawings are served as they are too, for the pages' headers (sharp at any zoom). */
const DRAWINGS = ['small.svg', 'large.svg'];

const SOURCE_DIR = path.resolve('assets/icon');

export function iconSource(size: IconSize): string {
  return path.join(SOURCE_DIR, size <= 32 ? 'small.svg' : 'large.svg');
}

/** One icon as RGBA pixels and as a PNG file. */
export async function renderIcon(size: IconSize): Promise<{ pixels: Uint8Array; png: Uint8Array }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(readFileSync(iconSource(size), 'utf8'), { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) throw new Error(`${iconSource(size)} is not square`);
  return { pixels: image.pixels, png: image.asPng() };
}

/** Renders every size into `dir` and lists the files for WXT to copy into the extension. */
export async function buildIcons(dir: string): Promise<CopiedPublicFile[]> {
  mkdirSync(dir, { recursive: true });
  const files: CopiedPublicFile[] = DRAWINGS.map((name) => ({
    absoluteSrc: path.join(SOURCE_DIR, name),
    relativeDest: `icon/${name}`,
  }));
  for (const size of ICON_SIZES) {
    const absoluteSrc = path.join(dir, `${size}.png`);
    writeFileSync(absoluteSrc, (await renderIcon(size)).png);
    files.push({ absoluteSrc, relativeDest: ICON_FILES[size] });
  }
  return files;
}
