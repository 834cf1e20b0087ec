import { describe, expect, it } from 'vitest';
import { segmentsUnder } from '@/utils/highlight/scan';
import { textSegments } from '@/utils/highlight/segments';

function segmentsOf(html: string) {
  document.body.innerHTML = html;
  return [...textSegments(document.body)].map((s) => s.text.trim());
}

describe('textSegments', () => {
  it('joins text across inline elements but never across blocks', () => {
    expect(segmentsOf('<p>Xia<b>omi</b> rose</p><p>Sam</p><div>sung</div>')).toEqual(['Xiaomi rose', 'Sam', 'sung']);
  });

  it('treats line breaks, list items and table cells as boundaries', () => {
    expect(
      segmentsOf('<p>Bank of<br>China</p><ul><li>A</li><li>B</li></ul><table><tr><td>C</td><td>D</td></tr></table>'),
    ).toEqual(['Bank of', 'China', 'A', 'B', 'C', 'D']);
  });

  it('skips scripts, styles, form fields, editable regions and hidden elements', () => {
    const html =
      '<p>seen</p><script>var Xiaomi</script><style>.Xiaomi{}</style><textarea>Xiaomi</textarea>' +
      '<div contenteditable="true">Xiaomi</div><div contenteditable="false">kept</div><p hidden>Xiaomi</p><noscript>Xiaomi</noscript>';
    expect(segmentsOf(html)).toEqual(['seen', 'kept']);
  });

  it('hands open shadow roots to the caller and reports custom elements that may get one later', () => {
    document.body.innerHTML = '<div id="host"></div><my-widget></my-widget><p>light</p>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>shadow text</p>';
    const roots: ShadowRoot[] = [];
    const hosts: Element[] = [];
    const texts = [
      ...textSegments(document.body, { onShadowRoot: (r) => roots.push(r), onPossibleHost: (e) => hosts.push(e) }),
    ].map((s) => s.text);
    expect(texts).toEqual(['light']);
    expect(roots).toEqual([root]);
    expect(hosts.map((e) => e.tagName.toLowerCase())).toEqual(['my-widget']);
    expect([...textSegments(root)].map((s) => s.text)).toEqual(['shadow text']);
  });

  it('records where each text node starts, so offsets map back to nodes', () => {
    document.body.innerHTML = '<p>ab<i>cd</i>ef</p>';
    const [segment] = [...textSegments(document.body)];
    expect(segment?.offsets).toEqual([0, 2, 4]);
    expect(segment?.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
    expect(segment?.container).toBe(document.querySelector('p'));
  });

  it('skips text inside an editor or hidden element even when a rescan starts inside it', () => {
    document.body.innerHTML =
      '<div contenteditable><p id="typed">Xiaomi</p></div><div hidden><p id="hidden">Xiaomi</p></div><p id="seen">Xiaomi</p>';
    const roots = ['typed', 'hidden', 'seen'].map((id) => document.getElementById(id) as HTMLElement);
    expect([...segmentsUnder(roots, {})].map((s) => s.text)).toEqual(['Xiaomi']);
  });

  it('skips the whole document while it is in design mode', () => {
    document.body.innerHTML = '<p>Xiaomi</p>';
    document.designMode = 'on';
    try {
      expect([...segmentsUnder([document.body], {})]).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  it('walks a shadow root once, even when it is listed and also found inside another root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    expect([...segmentsUnder([document.body, root, root], {})].map((s) => s.text)).toEqual(['inside']);
  });
});
