/**
 * Bytes to text, as a feed reader must: a byte-order mark wins, then the charset the server
 * sent, then the XML declaration, then UTF-8. Declarations are often wrong, so a declared
 * single-byte encoding is overruled when the bytes are valid UTF-8 with multi-byte sequences
 * (Latin-1 text almost never is), and UTF-16 declared over 8-bit bytes is ignored. Undeclared
 * bytes that are not UTF-8 are read as windows-1252, the web's default.
 */
import { FeedError } from './errors';

const SINGLE_BYTE = /^(iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii|windows-1252|cp1252|iso-8859-15)$/iu;

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The charset parameter of a Content-Type header, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/iu.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The encoding named in `<?xml ... encoding="..."?>` (any leading junk tolerated), or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<\?[a-z]*xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultiByte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const declared = headerCharset(contentType) ?? declaredEncoding(bytes);
  const utf8 = strictUtf8(bytes);
  if (declared && /^utf-?16/iu.test(declared)) return utf8 ?? new TextDecoder('windows-1252').decode(bytes);
  if (utf8 !== null && (!declared || (SINGLE_BYTE.test(declared) && hasMultiByte(bytes)))) return utf8;
  const decoder = decoderFor(declared);
  if (declared && !decoder) throw new FeedError('malformed', `The feed declares an unknown encoding "${declared}".`);
  return (decoder ?? new TextDecoder('windows-1252')).decode(bytes);
}
