import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PAGES_CSP } from '@/wxt.config';
import { cspProblems } from './csp-audit';

/** The policy in a built manifest: MV3 keeps it under extension_pages, MV2 as a string. */
function builtPolicy(dir: string): string | undefined {
  const file = `.output/${dir}/manifest.json`;
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run build\` (and \`npm run build:firefox\`) first.`);
  const csp = (JSON.parse(readFileSync(file, 'utf8')) as { content_security_policy?: unknown }).content_security_policy;
  return typeof csp === 'string' ? csp : (csp as { extension_pages?: string } | undefined)?.extension_pages;
}

describe('the extension pages’ Content-Security-Policy', () => {
  it('is strict as declared: own scripts, styles and images only, connections to http(s) only; no eval, plugins or framing', () => {
    expect(cspProblems(EXTENSION_PAGES_CSP)).toEqual([]);
  });

  it('is strict in the built Chrome manifest', () => {
    expect(builtPolicy('chrome-mv3')).toBe(EXTENSION_PAGES_CSP);
  });

  it('is strict in the built Firefox manifest', () => {
    expect(builtPolicy('firefox-mv3')).toBe(EXTENSION_PAGES_CSP);
  });

  it('catches lax policies (negative controls)', () => {
    expect(cspProblems(undefined)).toEqual([expect.stringMatching(/^no policy of its own/u)]);
    // Chromium's default for MV3 extension pages.
    expect(cspProblems("script-src 'self'; object-src 'self'")).toEqual(
      expect.arrayContaining([
        "default-src is missing (should be 'none')",
        'connect-src is missing (should be http: https:)',
        "object-src is 'self' (should be 'none')",
      ]),
    );
    const loosened = (from: string, to: string) => cspProblems(EXTENSION_PAGES_CSP.replace(from, to));
    expect(loosened("script-src 'self'", "script-src 'self' 'unsafe-eval'")).toEqual([
      "script-src allows 'unsafe-eval'",
      "script-src is 'self' 'unsafe-eval' (should be 'self')",
    ]);
    expect(loosened("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")).toContain(
      "script-src allows 'wasm-unsafe-eval'",
    );
    expect(loosened('connect-src http: https:', 'connect-src https://collector.example')).toEqual([
      'connect-src is https://collector.example (should be http: https:)',
    ]);
    expect(loosened('connect-src http: https:', 'connect-src *')).toEqual([
      'connect-src is * (should be http: https:)',
    ]);
    expect(loosened('connect-src http: https:', 'connect-src http: https: wss:')).toEqual([
      'connect-src is http: https: wss: (should be http: https:)',
    ]);
    expect(loosened("img-src 'self'", 'img-src *')).toEqual(['img-src allows *']);
    expect(loosened("style-src 'self'", "style-src 'self' 'unsafe-inline'")).toEqual([
      "style-src allows 'unsafe-inline'",
    ]);
    expect(loosened("frame-ancestors 'none'", '')).toEqual(["frame-ancestors is missing (should be 'none')"]);
  });
});
