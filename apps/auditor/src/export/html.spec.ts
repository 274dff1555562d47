import { escapeHtml, html } from './html';
import { label, LABEL_KEYS } from './labels';

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const comment = '<script>alert("x")</script> & \'quoted\'';
    expect(html`<td title="${comment}">${comment}</td>`.text).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</td>',
    );
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('keeps its own fragments, joins arrays, and leaves null, undefined and false empty', () => {
    const items = ['<1>', '2'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const fragment = html`<ul>${items}</ul>${null}${undefined}${false}${0}`;
    expect(fragment.text).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>0');
  });
});

describe('labels', () => {
  it('has every label in Arabic (in Arabic script), French and English', () => {
    for (const key of LABEL_KEYS) {
      for (const lang of ['ar', 'fr', 'en'] as const) expect(label(lang, key).trim()).not.toBe('');
      expect({ key, ar: /[\u0600-\u06ff]/.test(label('ar', key)) }).toEqual({ key, ar: true });
    }
  });

  it('shows a key without an entry as itself', () => {
    expect(label('ar', 'no-such-label')).toBe('no-such-label');
    expect(label('fr', 'decision')).toBe('Décision');
    expect(label('ar', 'decision')).toBe('القرار');
  });
});
