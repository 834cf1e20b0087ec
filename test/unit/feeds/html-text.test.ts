import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/utils/feeds/html-text';
import { scanHtml } from '@/utils/feeds/tags';

describe('htmlToText', () => {
  it('keeps the words and paragraph breaks of ordinary markup', () => {
    expect(htmlToText('<p>Xiaomi <b>beats</b> forecasts.</p><p>Shares&nbsp;rose 5%.</p>')).toBe(
      'Xiaomi beats forecasts.\nShares rose 5%.',
    );
  });

  it('drops script and style contents, whatever their case or attributes', () => {
    const html = 'safe<SCRIPT type="text/javascript">location.href="http://x/"</script > desc<style>p{}</style>ription';
    expect(htmlToText(html)).toBe('safe description');
  });

  it('never shows an event handler or the tag that carries it', () => {
    expect(htmlToText('<img src="x.jpg" onerror="location.href=\'http://evil/\'">Caption')).toBe('Caption');
  });

  it('does not end a tag at a > inside a quoted attribute', () => {
    expect(htmlToText('<a title="a > b" href="/x">link</a> after')).toBe('link after');
  });

  it('ends a comment with no --> at the next >, so the text after it survives', () => {
    expect(htmlToText('sa<!-- -- nonwhitespace >fe<script>alert(1);</script>')).toBe('safe');
    expect(htmlToText('a<!-- note -->b')).toBe('ab');
  });

  it('treats CDATA inside HTML as a bogus comment, never as markup to run', () => {
    expect(htmlToText('<![CDATA[<script></script>]]&gt;')).toBe(']]>');
  });

  it('shows escaped markup as the text it is', () => {
    expect(htmlToText('<pre>&lt;b&gt;test&lt;/b&gt;</pre>')).toBe('<b>test</b>');
  });

  it('decodes character references once, from the fixed table only', () => {
    expect(htmlToText('AT&amp;amp;T &eacute; &#233; &#x20AC; &lol;')).toBe('AT&amp;T é é € &lol;');
  });

  it('keeps a lone < as text and drops a tag cut off by the end of the input', () => {
    expect(htmlToText('a < b and <b>c</b> <img src="x')).toBe('a < b and c');
  });

  it('keeps the text after a raw-text element that is never closed', () => {
    expect(htmlToText('<iframe src="https://video/">Story text')).toBe('Story text');
  });

  it('shows windows-1252 characters for the C1 controls mislabelled feeds carry', () => {
    expect(htmlToText('don\u0092t \u0080 5')).toBe('don’t € 5');
  });
});

describe('scanHtml', () => {
  it('reads attributes quoted, unquoted and bare, first one winning', () => {
    const [tag] = [
      ...scanHtml('<link REL=alternate type="application/rss+xml" href=\'/feed?a=1&amp;b=2\' hidden rel="x">'),
    ];
    expect(tag).toEqual({
      type: 'start',
      name: 'link',
      attrs: { rel: 'alternate', type: 'application/rss+xml', href: '/feed?a=1&b=2', hidden: '' },
      selfClosing: false,
    });
    expect([...scanHtml('<outline text="a"/>')][0]).toMatchObject({ selfClosing: true });
  });
});
