import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '@/utils/feeds/decode';
import { parseFeedBytes } from '@/utils/feeds/parse';
import { HAVE_CORPORA, sharedFeed } from './corpus';

const URL_ = 'https://news.example/feed.xml';

describe('decodeFeedBytes', () => {
  it('follows the XML declaration', () => {
    const latin1 = Uint8Array.from(
      [...'<?xml version="1.0" encoding="ISO-8859-1"?><t>caf'].map((c) => c.charCodeAt(0)),
    );
    expect(decodeFeedBytes(Uint8Array.of(...latin1, 0xe9))).toContain('café');
  });

  it('prefers the server charset to the declaration', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1251"?><t>été</t>');
    expect(decodeFeedBytes(bytes, 'text/xml; charset=UTF-8')).toContain('été');
  });

  it('reads UTF-8 bytes mislabelled as Latin-1 as UTF-8, and real Latin-1 as Latin-1', () => {
    const mislabelled = new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><t>für</t>');
    expect(decodeFeedBytes(mislabelled)).toContain('für');
    const real = Uint8Array.of(...new TextEncoder().encode('<?xml encoding="iso-8859-1"?><t>f'), 0xfc, 0x72);
    expect(decodeFeedBytes(real)).toContain('für');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252', () => {
    expect(decodeFeedBytes(Uint8Array.of(0x3c, 0x74, 0x3e, 0x63, 0x61, 0x66, 0xe9))).toBe('<t>café');
  });

  it.skipIf(!HAVE_CORPORA)('decodes the shared feeds in their encodings', () => {
    const titles = (id: string) => parseFeedBytes(sharedFeed(id), URL_);
    expect(titles('fp--utf16le-bom').format).toBe('rss');
    expect(titles('fp--euc-kr').title).toBe('년');
    expect(titles('mfx--windows-1252').title).toBe('Euro €');
    expect(titles('mfx--windows-1252-wrong-prolog').title).toBe('Euro €');
    expect(titles('rsp--jn-pt-iso88591').title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(titles('nnw--kc0011-gb2312').title).toContain('投资资讯网');
    expect(titles('mfx--ibash-win1251').items[0]?.summary).toMatch(/[а-я]/u);
    expect(titles('lam--laut-de-rdf').items.some((i) => /[äöüß]/u.test(i.title + i.summary))).toBe(true);
    expect(
      titles('rsp--uol-noticias')
        .items.map((i) => i.title)
        .join(' '),
    ).not.toContain('\ufffd');
  });
});
